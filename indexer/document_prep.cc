// Document layout: see common/schema.h for every prefix and slot used here.
#include "indexer/document_prep.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "common/schema.h"
#include "common/source_name.h"
#include "common/text_utf8.h"
#include "common/word_split.h"
#include "indexer/extract/byline.h"
#include "indexer/record_fields.h"

namespace newsdex {
namespace {

using namespace newsdex::schema;

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

std::string signature(const std::string& data, const std::string& language) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, kSchemaVersion.data(), kSchemaVersion.size());
  XXH3_64bits_update(state, language.data(), language.size());
  XXH3_64bits_update(state, data.data(), data.size());
  unsigned long long h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", h);
  return buf;
}

}  // namespace

std::vector<std::string> declared_values(const Article& article,
                                         const FieldSpec& field) {
  std::vector<std::string> values;
  auto add = [&](const nlohmann::json& v) {
    std::string text;
    if (v.is_string()) {
      text = std::string(trim_space(v.get_ref<const std::string&>()));
    } else if (v.is_number() || v.is_boolean()) {
      text = v.dump();
    }
    // Each value once, as a facet counts an article once per value.
    if (!text.empty() &&
        std::find(values.begin(), values.end(), text) == values.end()) {
      values.push_back(std::move(text));
    }
  };
  auto it = article.extra.find(field.json_key);
  if (it != article.extra.end()) {
    if (it->is_array()) {
      for (const auto& v : *it) add(v);
    } else {
      add(*it);
    }
  } else if (field.name == "folder" && !article.folder.empty()) {
    values.push_back(article.folder);
  }
  if (field.kind == FieldKind::kNumber) {
    std::erase_if(values, [](const std::string& v) {
      double n = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      return ec != std::errc() || end != v.data() + v.size();
    });
  }
  if (field.kind != FieldKind::kKeywords && values.size() > 1) {
    values.resize(1);
  }
  return values;
}

void add_declared_fields(const Article& article, const FieldTable& fields,
                         Xapian::Document& doc,
                         std::vector<std::string>* missing) {
  for (const FieldSpec* field : fields.declared()) {
    std::vector<std::string> values = declared_values(article, *field);
    Xapian::valueno slot = 0;
    for (const std::string& value : values) {
      std::string stored = value;
      if (field->kind == FieldKind::kDate) {
        auto date = parse_date(value);
        if (!date) continue;
        stored = date->key();
        // Terms at each precision, so "published:2022-03" finds the days.
        for (std::size_t n : {4, 6, 8}) {
          if (stored.size() >= n) {
            doc.add_boolean_term(field->prefix + stored.substr(0, n));
          }
        }
      } else {
        doc.add_boolean_term(keyword_term(*field, value));
      }
      if (slot < field->slots) doc.add_value(field->value_slot(slot++), stored);
    }
    if (slot == 0 && missing != nullptr) missing->push_back(field->name);
  }
}

Xapian::Document build_document(const Article& article,
                                Xapian::TermGenerator& tg,
                                const FieldTable* fields,
                                std::vector<std::string>* missing) {
  // Where each built-in field goes, from the field table.
  const FieldTable& builtin = builtin_field_table();
  const FieldSpec& source_field = *builtin.find(kSourceField);
  const FieldSpec& actor_field = *builtin.find(kActorField);
  const FieldSpec& author_field = *builtin.find(kAuthorField);
  const FieldSpec& date_field = *builtin.find(kDateField);
  Xapian::Document doc;
  tg.set_document(doc);
  // The title twice: once under its own prefix for title: searches, once
  // boosted in the free-text field so BM25 ranks title matches higher.
  tg.index_text(article.title, 1, std::string(kTitlePrefix));
  tg.increase_termpos(kTitleBodyGap);
  tg.index_text(article.title, kTitleWdfBoost);
  tg.increase_termpos(kTitleBodyGap);
  tg.index_text(article.text);

  doc.add_boolean_term(article_id_term(article.id));
  std::string key = source_key(article.source);
  if (key.size() > kMaxKeyBytes) {
    throw BadRecord("source is too long to index (" +
                    std::to_string(key.size()) + " bytes as a key; at most " +
                    std::to_string(kMaxKeyBytes) + ")");
  }
  if (!key.empty()) doc.add_boolean_term(prefixed(source_field.prefix, key));
  doc.add_value(source_field.slot, article.source);
  std::string actors;
  Xapian::valueno slot = actor_field.slot;
  for (const Actor& a : article.actors) {
    std::string actor = actor_key(a.name);
    if (actor.size() > kMaxKeyBytes) continue;
    doc.add_boolean_term(prefixed(actor_field.prefix, actor));
    std::string unit = a.name;
    unit += kActorUnitSeparator;
    unit += actor_type_name(a.type);
    doc.add_value(slot++, unit);
    actors += unit;
    actors += kActorRecordSeparator;
  }
  if (!actors.empty()) doc.add_value(kActorsSlot, actors);
  Xapian::valueno author_slot = 0;
  for (const std::string& name : article.authors) {
    std::string key = actor_key(name);
    if (key.empty() || key.size() > kMaxAuthorKeyBytes) continue;
    doc.add_boolean_term(prefixed(author_field.prefix, key));
    // author:doe finds Jane Doe: the surname is a term too.
    if (std::size_t dash = key.rfind('-'); dash != std::string::npos) {
      doc.add_boolean_term(prefixed(author_field.prefix, key.substr(dash + 1)));
    }
    if (author_slot < author_field.slots) {
      doc.add_value(author_field.value_slot(author_slot++), name);
    }
  }
  if (article.date) {
    std::string date_key = article.date->key();
    doc.add_value(date_field.slot, date_key);
    doc.add_boolean_term(prefixed(kYearPrefix, date_key.substr(0, 4)));
    if (date_key.size() >= 6) {
      doc.add_boolean_term(prefixed(kMonthPrefix, date_key.substr(0, 6)));
    }
    if (date_key.size() >= 8) {
      doc.add_boolean_term(prefixed(kDayPrefix, date_key));
    }
  }
  if (fields != nullptr) add_declared_fields(article, *fields, doc, missing);
  return doc;
}

DocumentPreparer::DocumentPreparer(const std::string& language,
                                   const SourceNormalizer& sources,
                                   const ActorGazetteer& actors)
    : language_(language),
      sources_(sources),
      actors_(actors),
      signature_salt_(language) {
  // Stems only, with positions ("Ztalk"): phrases match across word forms
  // ("Tony Blair's"), and the index holds each word once. Wildcards expand
  // over the spelling data's words. Without a language, the words as
  // they are (Xapian's STEM_ALL_Z would index nothing then).
  term_generator_.set_stemmer(make_stemmer(language));
  term_generator_.set_stemming_strategy(
      language == kNoLanguage ? Xapian::TermGenerator::STEM_NONE
                              : Xapian::TermGenerator::STEM_ALL_Z);
}

void DocumentPreparer::set_fields(const FieldTable* fields) {
  fields_ = fields;
  signature_salt_ = language_;
  std::string declared = fields ? fields->declarations_text() : "";
  // Unchanged for a database without declared fields, so its articles'
  // signatures stay as they were.
  if (!declared.empty()) signature_salt_ += '\x1f' + declared;
}

PreparedDocument DocumentPreparer::prepare(Article article,
                                           Xapian::Database* snapshot) {
  PreparedDocument out;
  article.source = sources_.canonical(article.source, article.url);
  // A byline at the top names authors, not actors: the extractor reads
  // the text after it.
  Byline byline = find_byline(article.text, article.title);
  for (std::string& name : byline.authors) add_author(article, std::move(name));
  if (extract_actors_) {
    article.actors = extract_actors(
        article.title, std::string_view(article.text).substr(byline.length),
        actors_);
  }
  // The signature is of the JSON, so a new zstd release that packs the
  // same article differently does not make it look changed.
  if (fields_ != nullptr) {
    // A declared folder is kept with the article, so --show tells it.
    if (const FieldSpec* folder = fields_->find("folder");
        folder && folder->declared && !article.folder.empty() &&
        !article.extra.contains(folder->json_key)) {
      article.extra[folder->json_key] = article.folder;
    }
    for (const FieldSpec* field : fields_->declared()) {
      if (declared_values(article, *field).empty()) {
        out.missing_fields.push_back(field->name);
      }
    }
  }
  std::string json = to_document_json(article);
  std::string sig = signature(json, signature_salt_);
  out.id_term = article_id_term(article.id);
  if (snapshot != nullptr) {
    read_snapshot(*snapshot, [&] {
      out.existing = 0;
      Xapian::PostingIterator it = snapshot->postlist_begin(out.id_term);
      if (it == snapshot->postlist_end(out.id_term)) return;
      out.existing = *it;
      Xapian::Document stored = snapshot->get_document(out.existing);
      out.unchanged = stored.get_value(kSignatureSlot) == sig;
      out.existing_sequence = stored.get_value(kSequenceSlot);
    });
    if (out.unchanged) return out;
  }
  out.doc = build_document(article, term_generator_, fields_);
  out.fingerprint =
      fingerprint(article.text.find_first_not_of(" \t\r\n") == std::string::npos
                      ? article.title
                      : article.text);
  out.doc.set_data(pack_document_data(json));
  out.doc.add_value(kSignatureSlot, sig);
  out.spelling = spelling_words(article.title, article.text);
  return out;
}

SpellingWords spelling_words(std::string_view title, std::string_view text) {
  std::unordered_map<std::string, Xapian::termcount> counts;
  for (std::string_view part : {title, text}) {
    for (const WordSpan& w : split_words(part)) {
      std::string_view word = part.substr(w.begin, w.end - w.begin);
      bool letters = false, ascii = true;
      for (char c : word) {
        auto u = static_cast<unsigned char>(c);
        letters = letters || u >= 0x80 || std::isalpha(u);
        ascii = ascii && u < 0x80;
      }
      if (!letters) continue;  // numbers are not spelt
      std::string lower;
      if (ascii) {
        lower.assign(word);
        lower_ascii_in_place(lower);
      } else {
        lower = fold_case(word);
      }
      ++counts[std::move(lower)];
    }
  }
  return SpellingWords(counts.begin(), counts.end());
}

void add_spelling_words(Xapian::WritableDatabase& db,
                        const SpellingWords& words) {
  for (const auto& [word, count] : words) {
    // Xapian limits terms (and so spelling words) to 245 bytes.
    if (word.size() <= 64) db.add_spelling(word, count);
  }
}

}  // namespace newsdex
