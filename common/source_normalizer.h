// Outlet names: one display name per outlet, whatever spelling or web site
// a record gives, from a table of outlets and their variants.
#ifndef NEWSDEX_COMMON_SOURCE_NORMALIZER_H_
#define NEWSDEX_COMMON_SOURCE_NORMALIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex {

// The built-in table (corpus/sources.tsv, compiled in).
std::string_view builtin_source_table();

// Maps spellings and sites of outlets to their display names. A table is
// TSV: one outlet per line, its display name first, then its other names
// and sites; '#' starts a comment. Keys are folded with source_key(), so
// case, spacing, punctuation, "The" and "www." never matter.
class SourceNormalizer {
 public:
  // An empty normalizer; add_table(builtin_source_table(), ...) for the
  // usual one.
  SourceNormalizer() = default;

  // The normalizer with the built-in table.
  static SourceNormalizer with_builtin_table();

  // Adds the outlets of a table; later tables win over earlier ones for a
  // variant both list. Returns one message per malformed line, naming
  // `name` and the line.
  std::vector<std::string> add_table(std::string_view tsv,
                                     const std::string& name);

  // The display name for a record: its source (mapped when the table knows
  // it, else as given with white space folded), else its URL's site
  // (mapped, trying parent domains: "news.bbc.co.uk" is BBC), else
  // "unknown".
  std::string canonical(std::string_view source, std::string_view url) const;

  // The filter key for any variant a user types ("sbs", "SBS News",
  // "sbs.com.au" give the same key).
  std::string key(std::string_view variant) const;

 private:
  const std::string* lookup(std::string_view name) const;
  const std::string* lookup_site(std::string_view host) const;
  std::unordered_map<std::string, std::string> names_;  // key -> display
};

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_SOURCE_NORMALIZER_H_
