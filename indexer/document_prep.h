// The per-article half of indexing that needs no database writer:
// source names, actors, stored record, signature, fingerprint and the
// Xapian document's terms and values. Runs on worker threads, one
// DocumentPreparer per thread.
#ifndef NEWSDEX_INDEXER_DOCUMENT_PREP_H_
#define NEWSDEX_INDEXER_DOCUMENT_PREP_H_

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "common/actors.h"
#include "common/document_record.h"
#include "common/fields.h"
#include "common/source_normalizer.h"
#include "indexer/duplicate_fingerprint.h"
#include "indexer/extract/actor_extractor.h"

namespace newsdex {

// An article ready to be written. `doc` has every term and value except
// the near-duplicate group and the sequence number, which depend on the
// articles before it (indexer/duplicate_grouper.h).
// The words of an article and how often each occurs, for the spelling
// data ("did you mean") and wildcard expansion.
using SpellingWords = std::vector<std::pair<std::string, Xapian::termcount>>;

// The lower-cased words of `title` and `text` (not numbers), counted.
SpellingWords spelling_words(std::string_view title, std::string_view text);

struct PreparedDocument {
  std::string id_term;
  // The stored version of the same article, if the database had one when
  // the run started: its document id there and its sequence value.
  Xapian::docid existing = 0;
  std::string existing_sequence;
  // The stored version has the same signature: nothing to write, and
  // `doc` is empty.
  bool unchanged = false;
  Fingerprint fingerprint;
  Xapian::Document doc;
  SpellingWords spelling;
  // The declared fields (FieldTable::declared()) the record has no value
  // for, so the run can say how many records lack each.
  std::vector<std::string> missing_fields;
};

// A record that cannot be indexed as it is (a source name too long for a
// Xapian term): the run names it and skips it.
class BadRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The longest source or actor key a term is made of. Xapian refuses terms
// over 245 bytes ("Term too long") when the document is written.
inline constexpr std::size_t kMaxKeyBytes = 200;

// Builds the document's terms and values for `article` as common/schema.h
// lays out, using `term_generator` (which carries the stemmer). The
// caller adds the stored data. Throws BadRecord when the source's key is
// longer than kMaxKeyBytes; an actor whose key is longer is left out.
// With `fields`, its declared fields are indexed too (see
// add_declared_fields()).
Xapian::Document build_document(const Article& article,
                                Xapian::TermGenerator& term_generator,
                                const FieldTable* fields = nullptr,
                                std::vector<std::string>* missing = nullptr);

// The values of declared field `field` in `article`: its record field
// (`extra[json_key]`: a string, a number, a boolean or a list of them),
// and for "folder" the first folder level of a page read from a folder.
// A keyword, number or date field takes the first value only; a number
// field only values that are numbers.
std::vector<std::string> declared_values(const Article& article,
                                         const FieldSpec& field);

// Adds the terms and values of each declared field of `fields` to `doc`:
// exact terms (keyword_term(); a date's year, month and day), and the
// values in the field's slots for facet counts. Adds the names of the
// fields the article has no value for to `missing` (may be null).
void add_declared_fields(const Article& article, const FieldTable& fields,
                         Xapian::Document& doc,
                         std::vector<std::string>* missing);

class DocumentPreparer {
 public:
  // `sources` and `actors` are only read, so one table may serve many
  // preparers on many threads; both must outlive the preparer.
  DocumentPreparer(const std::string& language, const SourceNormalizer& sources,
                   const ActorGazetteer& actors);

  // Replaces the article's source by the outlet's display name, extracts
  // its actors and builds its document. `snapshot`, if given, is the
  // database as it was when the run started (read through a handle of
  // this thread's own): an article stored there with the same signature
  // comes back `unchanged` without being tokenised.
  PreparedDocument prepare(Article article,
                           Xapian::Database* snapshot = nullptr);

  // Off: articles get no actors (newsdex-index --no-actors).
  void set_extract_actors(bool on) { extract_actors_ = on; }
  // The database's declared fields to index (must outlive the preparer);
  // their declarations count in each article's signature, so a record
  // indexed before a field was declared is indexed again.
  void set_fields(const FieldTable* fields);

 private:
  std::string language_;
  const SourceNormalizer& sources_;
  const ActorGazetteer& actors_;
  bool extract_actors_ = true;
  const FieldTable* fields_ = nullptr;
  std::string signature_salt_;  // the language and the declarations
  Xapian::TermGenerator term_generator_;
};

// Runs `read` on `snapshot`; if a commit made during the run overwrote
// what the snapshot was reading (Xapian::DatabaseModifiedError), reopens it
// at the latest revision and runs `read` again.
template <typename Read>
auto read_snapshot(Xapian::Database& snapshot, Read&& read) {
  try {
    return read();
  } catch (const Xapian::DatabaseModifiedError&) {
    snapshot.reopen();
    return read();
  }
}

// Adds `words` to the spelling data of `db` (what Xapian's FLAG_SPELLING
// does while tokenising, done where the writer is).
void add_spelling_words(Xapian::WritableDatabase& db,
                        const SpellingWords& words);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_DOCUMENT_PREP_H_
