// Document layout: see common/schema.h for every prefix and slot used here.
#include "indexer/index_writer.h"

#include <xxhash.h>

#include "common/schema.h"
#include "common/source_name.h"
#include "indexer/duplicate_fingerprint.h"

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

Xapian::Stem make_stemmer(const std::string& language) {
  if (language == kNoLanguage) return Xapian::Stem();
  return Xapian::Stem(language);
}

Xapian::Document build_document(const Article& article,
                                Xapian::TermGenerator& tg) {
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
  if (!key.empty()) doc.add_boolean_term(prefixed(kSourcePrefix, key));
  doc.add_value(kSourceSlot, article.source);
  std::string actors;
  for (const Actor& a : article.actors) {
    doc.add_boolean_term(prefixed(kActorPrefix, actor_key(a.name)));
    actors += a.name;
    actors += kActorUnitSeparator;
    actors += actor_type_name(a.type);
    actors += kActorRecordSeparator;
  }
  if (!actors.empty()) doc.add_value(kActorsSlot, actors);
  if (article.date) {
    std::string date_key = article.date->key();
    doc.add_value(kDateSlot, date_key);
    doc.add_boolean_term(prefixed(kYearPrefix, date_key.substr(0, 4)));
    if (date_key.size() >= 6) {
      doc.add_boolean_term(prefixed(kMonthPrefix, date_key.substr(0, 6)));
    }
    if (date_key.size() >= 8) {
      doc.add_boolean_term(prefixed(kDayPrefix, date_key));
    }
  }
  return doc;
}

IndexWriter::IndexWriter(Xapian::WritableDatabase& db,
                         const std::string& language,
                         const SourceNormalizer& sources,
                         const ActorGazetteer& actors, bool spelling)
    : db_(db), language_(language), sources_(sources), actors_(actors) {
  term_generator_.set_stemmer(make_stemmer(language));
  term_generator_.set_stemming_strategy(
      Xapian::TermGenerator::STEM_SOME_FULL_POS);
  // Spelling data for "did you mean" suggestions.
  if (spelling) {
    term_generator_.set_database(db_);
    term_generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
}

std::string IndexWriter::duplicate_group(const Fingerprint& fp,
                                         Xapian::docid own) {
  auto group_of = [&](Xapian::docid did) {
    return db_.get_document(did).get_value(kDuplicateGroupSlot);
  };
  std::string exact = prefixed(kExactTextPrefix, to_hex(fp.exact));
  for (auto it = db_.postlist_begin(exact); it != db_.postlist_end(exact);
       ++it) {
    if (*it == own) continue;
    std::string group = group_of(*it);
    if (!group.empty()) return group;
  }
  if (fp.words >= kMinWordsForNearDuplicate) {
    // Look at a bounded number of candidates per band: a band shared by
    // very many articles is common boilerplate, not evidence.
    constexpr int kMaxCandidatesPerBand = 64;
    for (int band = 0; band < kSimhashBands; ++band) {
      std::string term = simhash_band_term(fp.simhash, band);
      int seen = 0;
      for (auto it = db_.postlist_begin(term);
           it != db_.postlist_end(term) && seen < kMaxCandidatesPerBand;
           ++it, ++seen) {
        if (*it == own) continue;
        Xapian::Document candidate = db_.get_document(*it);
        std::string hex = candidate.get_value(kSimhashSlot);
        if (hex.size() != 16) continue;
        if (hamming_distance(std::stoull(hex, nullptr, 16), fp.simhash) <=
            kNearDuplicateBits) {
          std::string group = candidate.get_value(kDuplicateGroupSlot);
          if (!group.empty()) return group;
        }
      }
    }
  }
  return to_hex(fp.exact);
}

WriteOutcome IndexWriter::write(Article article) {
  article.source = sources_.canonical(article.source, article.url);
  article.actors = extract_actors(article.title, article.text, actors_);
  std::string data = to_document_data(article);
  std::string sig = signature(data, language_);
  std::string term = article_id_term(article.id);

  WriteOutcome outcome = WriteOutcome::kAdded;
  Xapian::docid own = 0;
  Xapian::PostingIterator existing = db_.postlist_begin(term);
  if (existing != db_.postlist_end(term)) {
    own = *existing;
    if (db_.get_document(own).get_value(schema::kSignatureSlot) == sig) {
      return WriteOutcome::kUnchanged;
    }
    outcome = WriteOutcome::kUpdated;
  }
  Xapian::Document doc = build_document(article, term_generator_);

  Fingerprint fp =
      fingerprint(article.text.find_first_not_of(" \t\r\n") == std::string::npos
                      ? article.title
                      : article.text);
  std::string group = duplicate_group(fp, own);
  doc.add_boolean_term(prefixed(kExactTextPrefix, to_hex(fp.exact)));
  if (fp.words >= kMinWordsForNearDuplicate) {
    doc.add_value(kSimhashSlot, to_hex(fp.simhash));
    for (int band = 0; band < kSimhashBands; ++band) {
      doc.add_boolean_term(simhash_band_term(fp.simhash, band));
    }
  }
  doc.add_value(kDuplicateGroupSlot, group);
  doc.add_boolean_term(prefixed(kDuplicateGroupPrefix, group));
  doc.set_data(data);
  doc.add_value(schema::kSignatureSlot, sig);
  db_.replace_document(term, doc);
  return outcome;
}

}  // namespace newsdex
