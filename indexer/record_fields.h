// Mapping of JSON record fields (JSON Lines articles and metadata rows)
// onto the article model.
#ifndef NEWSDEX_INDEXER_RECORD_FIELDS_H_
#define NEWSDEX_INDEXER_RECORD_FIELDS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "common/document_record.h"

namespace newsdex {

// Copies the fields of a JSON object into `article`: id, url, source,
// date, title, text go to their members, anything else to `extra`.
// `article.source` is left as given (possibly empty); the caller picks the
// display source once all fields are in. Returns "" on success, else the
// reason the record is bad (a field of the wrong type). A date that cannot
// be read does not make the record bad: the article is left undated and
// `date_warning` says why.
std::string apply_record_fields(const nlohmann::json& object, Article& article,
                                std::string& date_warning);

// Adds an author to article.authors unless it is there already (by
// actor_key: case, accents and punctuation aside) or has no letters.
void add_author(Article& article, std::string name);

// Checks the finished article: text or title present, valid UTF-8 in the
// fields that are indexed. Returns "" when the article can be indexed,
// else the reason it cannot.
std::string finish_article(Article& article);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_RECORD_FIELDS_H_
