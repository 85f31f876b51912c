// The field table: every field an article has, with its term prefix, value
// slots, kind, whether it is a facet and its JSON key, in one place (as
// notmuch's prefix table). Indexing, the query parser, filters, facets and
// output all look fields up here; the prefixes and slots themselves are the
// constants of common/schema.h.
//
// Built-in fields are the same for every database. Declared fields
// (newsdex-index --field NAME[:KIND]) are record fields the user makes
// exact filters and facets; their declarations are kept in the database's
// metadata (schema::kFieldsKey), so later runs and searches know them.
#ifndef NEWSDEX_COMMON_FIELDS_H_
#define NEWSDEX_COMMON_FIELDS_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class FieldKind {
  kText,      // free text, tokenised and stemmed (title, text)
  kKeyword,   // one exact value per article (source, a declared keyword)
  kKeywords,  // any number of exact values per article (actor, author)
  kDate,      // a calendar date, faceted by day, month or year
  kNumber,    // a number, matched and counted exactly as written
};

// "text", "keyword", "keywords", "date", "number".
const char* field_kind_name(FieldKind kind);

// The kind a declaration names ("keyword", "keywords", "number", "date"),
// or nullopt.
std::optional<FieldKind> parse_declared_kind(std::string_view name);

inline constexpr Xapian::valueno kNoSlot = Xapian::BAD_VALUENO;

struct FieldSpec {
  std::string name;    // as typed in queries and --facets
  std::string prefix;  // term prefix; "" when it makes no terms of its own
  Xapian::valueno slot = kNoSlot;  // the first value slot, or kNoSlot
  Xapian::valueno slots = 0;       // slots from `slot` (multi-valued: > 1)
  FieldKind kind = FieldKind::kKeyword;
  bool facet = false;     // may be counted with --facets
  bool query = false;     // may be used as NAME:value in a query
  std::string json_key;   // its key in records and in JSON output
  bool declared = false;  // declared by the user, not built in
  // A multi-valued field whose first slots are followed by another's:
  // values from the `spill_from`-th on are in slots from `spill_slot`
  // (kNoSlot: every value from `slot`).
  Xapian::valueno spill_slot = kNoSlot;
  Xapian::valueno spill_from = 0;

  // The slot of the field's i-th value (i < slots, or any i when slots is
  // 0).
  Xapian::valueno value_slot(Xapian::valueno i) const {
    return spill_slot != kNoSlot && i >= spill_from
               ? spill_slot + (i - spill_from)
               : slot + i;
  }
};

// The most values of a multi-valued declared field an article has counted
// (its later values are still filtered by): a cap against a runaway
// record, far above any real list of keywords, at no cost to facets over
// articles with fewer (they count the slots in use).
inline constexpr Xapian::valueno kMaxDeclaredValues = 1024;
// The slots of each declared field from schema::kDeclaredSlotBase: a
// keywords field's first values; the rest spill (FieldSpec::spill_slot).
inline constexpr Xapian::valueno kDeclaredSlotStride = 32;
// The most fields one database may declare.
inline constexpr std::size_t kMaxDeclaredFields = 32;

class FieldTable {
 public:
  // The built-in fields only.
  FieldTable();

  // The field with this name, or nullptr.
  const FieldSpec* find(std::string_view name) const;
  const std::vector<FieldSpec>& fields() const { return fields_; }
  // The declared fields, in declaration order.
  std::vector<const FieldSpec*> declared() const;
  // The names of the facet fields, comma-separated ("source, date, ...").
  std::string facet_names() const;

  // Declares "NAME" or "NAME:KIND" (KIND: keyword, the default, keywords,
  // number or date). Declaring a field again with the same kind does
  // nothing. Returns what is wrong (a name clashing with a built-in field
  // or its JSON key, a bad name or kind, another kind than the one
  // declared before, too many fields), or "".
  std::string declare(std::string_view declaration);

  // The declarations as kept in the database ("name\tkind\n" each, in
  // declaration order, which fixes their slots), and reading them back.
  std::string declarations_text() const;
  std::string load_declarations(std::string_view text);

 private:
  std::vector<FieldSpec> fields_;
};

// The stemmer for a language name (the database's, schema::kLanguageKey),
// or a no-op stemmer for "none": the one place indexing and searching
// turn a language into a stemmer. Throws Xapian::InvalidArgumentError for
// an unknown language.
Xapian::Stem make_stemmer(const std::string& language);

// The built-in fields only: one table made when the program starts (not
// on first use, which may come when memory has run out).
const FieldTable& builtin_field_table();

// The built-in fields and those `db` declares.
FieldTable field_table_of(const Xapian::Database& db);

// The term of an exact value of a keyword, keywords or number field: the
// prefix and the value case-folded with white space collapsed; a value
// too long for a Xapian term is shortened with a hash of the whole (as
// ids are), so it stays exact.
std::string keyword_term(const FieldSpec& field, std::string_view value);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_FIELDS_H_
