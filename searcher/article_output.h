// Whole stored articles out (newsdex-search --show): every field the
// database keeps for an article, for a person or, as JSON, for a script.
#ifndef NEWSDEX_SEARCHER_ARTICLE_OUTPUT_H_
#define NEWSDEX_SEARCHER_ARTICLE_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>

#include "common/document_record.h"

namespace newsdex {

// article_to_json() (common/document_record.h) gives the JSON form.

// The article as labelled lines (id, title, source, date, url, authors,
// actors, each extra field), a blank line and the full text. Text from
// the database goes through terminal_text().
void write_article_human(const StoredArticle& article, std::ostream& out);

// What cleaning dropped from a saved page (--show-dropped): {"id",
// "dropped_chars", "blocks"}, or a line of counts and a line per block.
nlohmann::json dropped_to_json(const StoredArticle& article);
void write_dropped_human(const StoredArticle& article, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_ARTICLE_OUTPUT_H_
