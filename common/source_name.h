// Source (outlet) names: the key that folds spelling variants of one outlet,
// and the fallback from a URL's site when a record names no source.
#ifndef NEWSDEX_COMMON_SOURCE_NAME_H_
#define NEWSDEX_COMMON_SOURCE_NAME_H_

#include <string>
#include <string_view>

namespace newsdex {

// The source name shown when a record has neither a source nor a URL.
inline constexpr std::string_view kUnknownSource = "unknown";

// Folds a source name to the key used for filtering: case folded, accents
// and punctuation and white space dropped, a leading "the" and "www."
// removed. "The Taipei Times", "taipei times" and "TaipeiTimes" share the
// key "taipeitimes".
std::string source_key(std::string_view name);

// The site of a URL ("https://www.bbc.co.uk/news/1" -> "bbc.co.uk"), or ""
// when `url` has no host.
std::string site_of_url(std::string_view url);

// The display name for a record: `source` trimmed, else the URL's site,
// else "unknown".
std::string display_source(std::string_view source, std::string_view url);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_SOURCE_NAME_H_
