// Search options by name, shared by the command line and batch mode, so
// both accept the same names and values and give the same errors.
#ifndef NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_
#define NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/search.h"

namespace newsdex {

// The half-life in days of a bare --recent.
inline constexpr double kDefaultRecentHalfLife = 30;

// The largest values numeric options take (a larger one is an error, not
// wrapped or clamped): hits and offsets within Xapian's 32-bit document
// counts even added together; snippets bounded so that no hit's snippet
// takes long on however long an article; a half-life of up to ~2,700 years.
inline constexpr std::uint64_t kMaxResultCount = 1'000'000'000;
inline constexpr std::uint64_t kMaxSnippetChars = 10'000;
inline constexpr std::uint64_t kMaxFragments = 50;
inline constexpr double kMaxRecentHalfLife = 1'000'000;

// Closed sets: each returns nullopt and sets `error` (naming the option and
// the allowed values) for anything else.
std::optional<SortOrder> parse_sort(std::string_view value, std::string& error);
std::optional<MatchMode> parse_match(std::string_view value,
                                     std::string& error);

// One search option, defined once: its name, its kind, its help and where
// it goes in the request. This table makes the command line's request
// options, their --help, and the keys a batch line (and any later
// interface) accepts.
struct RequestOption {
  enum class Kind {
    kFlag,           // --explain; a batch value true or false
    kValue,          // --limit N
    kOptionalValue,  // --recent[=DAYS]; bare, the JSON value true
    kList,           // --source NAME, repeatable; a batch string or list
  };
  std::string name;        // the long name, as in batch lines
  std::string short_name;  // "n" for -n, or ""
  Kind kind = Kind::kValue;
  std::string value_name;  // "N", "DATE", ... in --help
  std::string help;
  // Sets the request from a JSON value (strings from the command line);
  // returns what is wrong, or "". `raw` is the name as the user gave it.
  std::string (*apply)(SearchRequest& request, const std::string& raw,
                       const nlohmann::json& value);
};

// Every request option, in the order --help lists them.
const std::vector<RequestOption>& request_options();

// Sets the option `name` (a long option name such as "since" or
// "facet-size"; "facet_size" is accepted too) of `request` from a JSON
// value, as batch mode reads them; the command line passes its option
// values here as JSON strings, so both check values in this one place.
// Numbers may be JSON numbers or text ("25"); a negative, fractional,
// overflowing, non-finite or too large number is refused with
// "invalid value 'V' for --NAME; needs ...". "q" (or "query") sets the
// query text. Returns "" on success, else what is wrong (a numeric option is
// then unchanged). Names that are not request options ("id") are the caller's.
std::string apply_request_option(SearchRequest& request,
                                 const std::string& name,
                                 const nlohmann::json& value);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_
