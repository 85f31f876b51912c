// Turns articles into Xapian documents and writes them, replacing any
// earlier version of the same article.
#ifndef NEWSDEX_INDEXER_INDEX_WRITER_H_
#define NEWSDEX_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <string>

#include "common/actors.h"
#include "common/document_record.h"
#include "common/source_normalizer.h"

namespace newsdex {

enum class WriteOutcome { kAdded, kUpdated, kUnchanged };

// Builds the document for `article`: terms and values as common/schema.h
// lays out, using `term_generator` (which carries the stemmer). The
// caller adds the stored data.
Xapian::Document build_document(const Article& article,
                                Xapian::TermGenerator& term_generator);

// Writes articles into `db`. Not thread-safe. The caller commits.
class IndexWriter {
 public:
  // `language` must be a Snowball language name or "none"; `sources` maps
  // each record's source (or URL) to its outlet's display name. Both must
  // outlive the writer. `spelling` builds the spelling data for "did you
  // mean" (not supported by in-memory databases).
  IndexWriter(Xapian::WritableDatabase& db, const std::string& language,
              const SourceNormalizer& sources, const ActorGazetteer& actors,
              bool spelling = true);

  // Adds or replaces the article with `article.id`, its source replaced by
  // the outlet's display name and its actors extracted. An article whose stored
  // version has the same signature is left alone (kUnchanged) without being
  // tokenised again.
  WriteOutcome write(Article article);

 private:
  // The near-duplicate group for a text with fingerprint `fp`: the group
  // of an article with the same words, else of one whose SimHash is within
  // kNearDuplicateBits, else a new group. `own` (the article's current
  // document, 0 if none) is never its own match.
  std::string duplicate_group(const struct Fingerprint& fp, Xapian::docid own);

  Xapian::WritableDatabase& db_;
  std::string language_;
  const SourceNormalizer& sources_;
  const ActorGazetteer& actors_;
  Xapian::TermGenerator term_generator_;
};

// The stemmer for a language name, or a no-op stemmer for "none". Throws
// Xapian::InvalidArgumentError for an unknown language.
Xapian::Stem make_stemmer(const std::string& language);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_WRITER_H_
