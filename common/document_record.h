// The article model: what a reader produces, what the indexer stores as a
// document's data, and what the searcher reads back for display.
#ifndef NEWSDEX_COMMON_DOCUMENT_RECORD_H_
#define NEWSDEX_COMMON_DOCUMENT_RECORD_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/actors.h"
#include "common/date_parse.h"

namespace newsdex {

// One news article, as read from a corpus.
struct Article {
  std::string id;      // stable unique id (JSON "id", else relative path)
  std::string url;     // may be empty
  std::string source;  // display name of the outlet, never empty once read
  std::string title;   // may be empty
  std::string text;    // the article body
  std::optional<ArticleDate> date;
  // Fields the schema does not know (people, places, authors, ...), kept as
  // they came so nothing in the input is dropped.
  nlohmann::json extra = nlohmann::json::object();
  // A saved web page: `text` is the page as saved (headline, noise and
  // all) until the indexer prepares it (indexer/article_prep.h).
  bool is_page = false;
  // What cleaning dropped: [{"kind", "text"}] in page order, and its size.
  nlohmann::json dropped = nlohmann::json::array();
  std::size_t dropped_chars = 0;
  // The people and organisations the article names (set by the indexer).
  std::vector<Actor> actors;
  // Who wrote it: the record's `authors`/`author` field and its byline
  // (never actors).
  std::vector<std::string> authors;
  // For a page read from a folder: the first folder level under the folder
  // given ("politics" for politics/001.txt), else "". Not stored unless
  // the database declares a field named "folder".
  std::string folder;
};

// The unique-id term of the article with `id` (Xapian terms are limited to
// 245 bytes, so long ids, such as URLs, are shortened with a hash). Every
// lookup by id goes through this.
std::string article_id_term(const std::string& id);

// The article as JSON: what a document's data holds once unpacked.
std::string to_document_json(const Article& article);

// A document's data: `json` compressed as one zstd frame (its size
// recorded in the frame). Decompressing it costs a third of the zlib
// inflate Xapian would otherwise run on every hit shown.
std::string pack_document_data(std::string_view json);

// pack_document_data(to_document_json(article)).
std::string to_document_data(const Article& article);

// The size of the JSON that `data` (packed or, as databases written
// before packing hold, plain JSON) unpacks to.
std::size_t document_data_size(std::string_view data);

// Reads back what to_document_data() wrote (or the plain JSON of older
// databases). The publication day comes back in `date_iso` ("YYYY-MM-DD",
// "YYYY-MM" or "YYYY"; empty when the article had none) and, when the
// input gave a time, the instant in UTC in `datetime_iso`
// ("YYYY-MM-DDTHH:MM:SSZ", else empty). Throws std::runtime_error (or
// nlohmann::json::exception) on data not written by to_document_data().
struct StoredArticle {
  std::string id, url, source, title, text, date_iso, datetime_iso;
  // The fields the schema does not know, as the JSON object text stored
  // (empty when there were none): parsed only by output that shows them.
  std::string extra_json;
  nlohmann::json extra() const {
    return extra_json.empty() ? nlohmann::json::object()
                              : nlohmann::json::parse(extra_json);
  }
  nlohmann::json dropped = nlohmann::json::array();
  std::size_t dropped_chars = 0;
  std::vector<Actor> actors;
  std::vector<std::string> authors;
};
// Without `with_dropped`, `dropped` stays empty (hits never show it).
StoredArticle from_document_data(const std::string& data,
                                 bool with_dropped = true);

// {"id", "url", "source", "title", "date", "datetime" (when known),
// "actors" (names), "actor_types", "authors", "extra" (when any), "text",
// "dropped_chars"}: the keys hits have, plus the whole text
// (newsdex-search --show --json, newsdex-index --print-records).
nlohmann::json article_to_json(const StoredArticle& article);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_DOCUMENT_RECORD_H_
