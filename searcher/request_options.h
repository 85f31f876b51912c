// Search options by name, shared by the command line and batch mode, so
// both accept the same names and values and give the same errors.
#ifndef NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_
#define NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "searcher/search.h"

namespace newsdex {

// The half-life in days of a bare --recent.
inline constexpr double kDefaultRecentHalfLife = 30;

// Closed sets: each returns nullopt and sets `error` (naming the option and
// the allowed values) for anything else.
std::optional<SortOrder> parse_sort(std::string_view value, std::string& error);
std::optional<MatchMode> parse_match(std::string_view value,
                                     std::string& error);

// Sets the option `name` (a long option name such as "since" or
// "facet-size"; "facet_size" is accepted too) of `request` from a JSON
// value, as batch mode reads them. "q" (or "query") sets the query text.
// Returns "" on success, else what is wrong. Names that are not request
// options ("id") are the caller's.
std::string apply_request_option(SearchRequest& request,
                                 const std::string& name,
                                 const nlohmann::json& value);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_REQUEST_OPTIONS_H_
