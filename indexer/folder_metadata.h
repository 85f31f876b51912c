// The per-file metadata a crawler saves beside its pages: metadata.tsv,
// metadata.csv or metadata.jsonl, one row per file with source, date, url
// and title (other columns are kept as extra fields).
#ifndef NEWSDEX_INDEXER_FOLDER_METADATA_H_
#define NEWSDEX_INDEXER_FOLDER_METADATA_H_

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/article_sink.h"

namespace newsdex {

// One metadata row: its fields (without the file column) and where it was.
struct MetadataRow {
  nlohmann::json fields = nlohmann::json::object();
  RecordOrigin origin;
};

// Metadata rows keyed by the file's path relative to the folder being
// indexed ("politics/001.txt"), in generic ('/') form.
using MetadataTable = std::map<std::string, MetadataRow>;

// The file names recognised as metadata, in order of preference.
const std::vector<std::string>& metadata_file_names();

// Loads the metadata file at `path` (format chosen by its extension) into
// `table`. Its rows name files relative to the metadata file's folder;
// `dir_prefix` ("" or "sub/") is that folder relative to the indexed root.
// The file column may be called "file", "path" or "filename". A malformed
// row goes to sink.bad_record(). Throws std::runtime_error when the file
// cannot be read or its header names no file column.
void load_metadata_file(const std::filesystem::path& path,
                        const std::string& display_name,
                        const std::string& dir_prefix, MetadataTable& table,
                        ArticleSink& sink);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_FOLDER_METADATA_H_
