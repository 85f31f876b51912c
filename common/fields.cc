// The built-in field table and declared fields (see fields.h).
#include "common/fields.h"

#include <xxhash.h>

#include <cstdio>
#include <stdexcept>

#include "common/schema.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

using namespace newsdex::schema;

std::vector<FieldSpec> builtin_fields() {
  auto s = [](std::string_view v) { return std::string(v); };
  return {
      {"title", s(kTitlePrefix), kNoSlot, 0, FieldKind::kText, false, true,
       "title"},
      {"text", "", kNoSlot, 0, FieldKind::kText, false, false, "text"},
      {s(kSourceField), s(kSourcePrefix), kSourceSlot, 1, FieldKind::kKeyword,
       true, true, "source"},
      // Terms by year, month and day (kYearPrefix ...); the slot holds the
      // date key.
      {s(kDateField), s(kDayPrefix), kDateSlot, 1, FieldKind::kDate, true, true,
       "date"},
      // Slots from kActorSlotBase, as many as an article has actors.
      {s(kActorField), s(kActorPrefix), kActorSlotBase, 0, FieldKind::kKeywords,
       true, true, "actors"},
      {s(kAuthorField), s(kAuthorPrefix), kAuthorSlotBase, kMaxAuthorValues,
       FieldKind::kKeywords, true, true, "authors", false, kAuthorSpillSlotBase,
       kAuthorSlots},
      {"url", "", kNoSlot, 0, FieldKind::kKeyword, false, false, "url"},
      {s(kIdField), s(kIdPrefix), kNoSlot, 0, FieldKind::kKeyword, false, true,
       "id"},
      // The database's stemming language (schema::kLanguageKey).
      {"language", "", kNoSlot, 0, FieldKind::kKeyword, false, false,
       "language"},
  };
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  if (name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

const char* field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::kText:
      return "text";
    case FieldKind::kKeyword:
      return "keyword";
    case FieldKind::kKeywords:
      return "keywords";
    case FieldKind::kDate:
      return "date";
    case FieldKind::kNumber:
      return "number";
  }
  return "keyword";
}

std::optional<FieldKind> parse_declared_kind(std::string_view name) {
  if (name == "keyword") return FieldKind::kKeyword;
  if (name == "keywords") return FieldKind::kKeywords;
  if (name == "number") return FieldKind::kNumber;
  if (name == "date") return FieldKind::kDate;
  return std::nullopt;
}

FieldTable::FieldTable() : fields_(builtin_fields()) {}

const FieldSpec* FieldTable::find(std::string_view name) const {
  for (const FieldSpec& f : fields_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<const FieldSpec*> FieldTable::declared() const {
  std::vector<const FieldSpec*> out;
  for (const FieldSpec& f : fields_) {
    if (f.declared) out.push_back(&f);
  }
  return out;
}

std::string FieldTable::facet_names() const {
  std::string names;
  for (const FieldSpec& f : fields_) {
    if (!f.facet) continue;
    names += (names.empty() ? "" : ", ") + f.name;
  }
  return names;
}

std::string FieldTable::declare(std::string_view declaration) {
  std::string_view name = declaration.substr(0, declaration.find(':'));
  std::string_view kind_name = name.size() < declaration.size()
                                   ? declaration.substr(name.size() + 1)
                                   : std::string_view("keyword");
  auto kind = parse_declared_kind(kind_name);
  if (!kind) {
    return "unknown kind '" + std::string(kind_name) + "' in --field " +
           std::string(declaration) +
           "; choose keyword, keywords, number or date";
  }
  if (!valid_name(name)) {
    return "invalid field name '" + std::string(name) +
           "' in --field: a lower-case letter, then lower-case letters, "
           "digits or _ (at most 32)";
  }
  for (const FieldSpec& f : fields_) {
    if (f.declared) {
      if (f.name != name) continue;
      if (f.kind == *kind) return "";
      return "field '" + std::string(name) + "' is declared as " +
             field_kind_name(f.kind) +
             " in this database; re-index into a new database to make it " +
             field_kind_name(*kind);
    }
    if (f.name == name || f.json_key == name) {
      return "field name '" + std::string(name) + "' clashes with the " +
             "built-in field " + f.name +
             (f.json_key != f.name ? " (record key " + f.json_key + ")" : "") +
             "; built-in fields need no --field";
    }
  }
  std::size_t index = declared().size();
  if (index >= kMaxDeclaredFields) {
    return "too many fields declared (at most " +
           std::to_string(kMaxDeclaredFields) + ")";
  }
  FieldSpec spec;
  spec.name = std::string(name);
  spec.prefix = std::string(kDeclaredPrefix);
  for (char c : name) {
    spec.prefix += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  spec.prefix += ':';
  const auto number = static_cast<Xapian::valueno>(index);
  spec.slot = kDeclaredSlotBase + kDeclaredSlotStride * number;
  spec.slots = 1;
  if (*kind == FieldKind::kKeywords) {
    spec.slots = kMaxDeclaredValues;
    spec.spill_slot = kDeclaredSpillSlotBase + kMaxDeclaredValues * number;
    spec.spill_from = kDeclaredSlotStride;
  }
  spec.kind = *kind;
  spec.facet = true;
  spec.query = true;
  spec.json_key = spec.name;
  spec.declared = true;
  fields_.push_back(std::move(spec));
  return "";
}

std::string FieldTable::declarations_text() const {
  std::string text;
  for (const FieldSpec* f : declared()) {
    text += f->name + '\t' + field_kind_name(f->kind) + '\n';
  }
  return text;
}

std::string FieldTable::load_declarations(std::string_view text) {
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string line(text.substr(0, end));
    text = end == std::string_view::npos ? "" : text.substr(end + 1);
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos) line[tab] = ':';
    if (std::string error = declare(line); !error.empty()) {
      return "stored field declaration: " + error;
    }
  }
  return "";
}

namespace {
const FieldTable kBuiltinFieldTable;
}  // namespace

const FieldTable& builtin_field_table() { return kBuiltinFieldTable; }

Xapian::Stem make_stemmer(const std::string& language) {
  if (language == kNoLanguage) return Xapian::Stem();
  return Xapian::Stem(language);
}

FieldTable field_table_of(const Xapian::Database& db) {
  FieldTable table;
  std::string error =
      table.load_declarations(db.get_metadata(std::string(kFieldsKey)));
  if (!error.empty()) throw std::runtime_error(error);
  return table;
}

std::string keyword_term(const FieldSpec& field, std::string_view value) {
  std::string key;
  bool space = false;
  for (char c : fold_case(trim_space(value))) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += c;
  }
  constexpr std::size_t kMaxKeyBytes = 200;
  if (key.size() > kMaxKeyBytes) {
    char hash[24];
    std::snprintf(
        hash, sizeof hash, "#%016llx",
        static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
    // Cut on a character boundary, so the term stays valid UTF-8.
    std::size_t cut = kMaxKeyBytes - 20;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    key = key.substr(0, cut) + hash;
  }
  return field.prefix + key;
}

}  // namespace newsdex
