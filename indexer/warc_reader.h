// Reads web archives (.warc, .warc.gz) as articles: one per HTTP response
// record that holds an HTML page with status 200, extracted as a saved
// page is (indexer/extract/html/).
#ifndef NEWSDEX_INDEXER_WARC_READER_H_
#define NEWSDEX_INDEXER_WARC_READER_H_

#include <array>
#include <filesystem>
#include <string_view>

#include "indexer/article_sink.h"

namespace newsdex {

// Why a web archive's record gives no article although nothing is wrong
// with it, as ArticleSink::passed_over() is told and the summary counts:
// "not_response" (request, metadata, warcinfo, resource, ... records),
// "revisit" (a capture the crawler found unchanged), "redirect" (HTTP
// 3xx), "status" (any other status than 200), "not_html" (images,
// scripts, styles, a dns: lookup), "duplicate" (a URI, or a canonical
// URL, the archive has given already: the first capture is kept).
inline constexpr std::array<std::string_view, 6> kWarcSkipReasons = {
    "not_response", "revisit", "redirect", "status", "not_html", "duplicate"};

// Whether `name` is a web archive this reader reads: it ends in ".warc"
// or ".warc.gz" (any case).
bool is_warc_name(std::string_view name);

// Reads one archive, record by record. An article's URL is its page's
// canonical URL, else the record's WARC-Target-URI, and its id is that
// URL; the HTTP header's charset is the page's declared one, and its
// Content-Language the language when the page names none. Records are
// named "FILE, record N at byte OFFSET". A broken record (bad header,
// truncated, corrupt gzip data, a body over 50 MB) and a page with
// neither title nor text are bad records; the rest of the file is still
// read. Throws std::runtime_error when the file cannot be opened or read.
void read_warc(const std::filesystem::path& path, ArticleSink& sink);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_WARC_READER_H_
