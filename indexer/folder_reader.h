// Reads a folder of saved pages: every .txt file below it is one article,
// described by the metadata files beside it; JSON Lines files below it are
// read as record streams.
#ifndef NEWSDEX_INDEXER_FOLDER_READER_H_
#define NEWSDEX_INDEXER_FOLDER_READER_H_

#include <filesystem>
#include <string>

#include "indexer/article_sink.h"

namespace newsdex {

// Walks `root` recursively in sorted order. A .txt page's id is its path
// relative to `root`; its text is the whole page (is_page set: the
// indexer finds its headline and cleans it), its title the metadata's. Metadata
// files (see folder_metadata.h) apply to the files in their folder and below.
// Other .jsonl/.jsonl.gz files are read with read_jsonl(), .html/.htm
// (.gz) pages with read_html_page() and .warc/.warc.gz web archives with
// read_warc(), in that order. Throws
// std::runtime_error when `root` cannot be listed.
void read_folder(const std::filesystem::path& root, ArticleSink& sink);

// Whether a walk reads a file of this name as input: a .txt or .html
// page, a JSON Lines file or a web archive (not metadata files).
bool is_read_in_folder(const std::string& name);

// Reads one .txt page. `id` is the article id, `metadata` the fields of
// its metadata row (empty object when it has none). Exposed for tests.
void read_text_page(const std::filesystem::path& path, const std::string& id,
                    const nlohmann::json& metadata,
                    const RecordOrigin& metadata_origin, ArticleSink& sink);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_FOLDER_READER_H_
