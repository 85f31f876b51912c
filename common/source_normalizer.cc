// Source-name mapping over a hash table of folded variants.
#include "common/source_normalizer.h"

#include "common/source_name.h"
#include "common/table_text.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

std::string fold_spaces(std::string_view s) {
  std::string out;
  for (char c : trim_space(s)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

SourceNormalizer SourceNormalizer::with_builtin_table() {
  SourceNormalizer n;
  n.add_table(builtin_source_table(), "built-in sources");
  return n;
}

std::vector<std::string> SourceNormalizer::add_table(std::string_view tsv,
                                                     const std::string& name) {
  std::vector<std::string> errors;
  for_each_table_row(
      tsv, name,
      [&](std::vector<std::string>& cells, const std::string& where) {
        for (auto& cell : cells) cell = fold_spaces(cell);
        if (cells.empty() || source_key(cells[0]).empty()) {
          errors.push_back(where + ": no outlet name");
          return;
        }
        for (const auto& cell : cells) {
          std::string k = source_key(cell);
          if (!k.empty()) names_[k] = cells[0];
        }
      },
      errors);
  return errors;
}

const std::string* SourceNormalizer::lookup(std::string_view name) const {
  auto it = names_.find(source_key(name));
  return it == names_.end() ? nullptr : &it->second;
}

const std::string* SourceNormalizer::lookup_site(std::string_view host) const {
  // news.bbc.co.uk, then bbc.co.uk, then co.uk (stopping before the last
  // label, which is never an outlet on its own).
  while (host.find('.') != std::string_view::npos) {
    if (const std::string* found = lookup(host)) return found;
    host.remove_prefix(host.find('.') + 1);
  }
  return nullptr;
}

std::string SourceNormalizer::canonical(std::string_view source,
                                        std::string_view url) const {
  if (!trim_space(source).empty()) {
    if (const std::string* found = lookup(source)) return *found;
    // A source given as a site name ("edition.cnn.com").
    if (source.find('.') != std::string_view::npos &&
        source.find(' ') == std::string_view::npos) {
      if (const std::string* found =
              lookup_site(fold_case(trim_space(source)))) {
        return *found;
      }
    }
    return fold_spaces(source);
  }
  std::string site = site_of_url(url);
  if (!site.empty()) {
    if (const std::string* found = lookup_site(site)) return *found;
    return site;
  }
  return std::string(kUnknownSource);
}

std::string SourceNormalizer::key(std::string_view variant) const {
  return source_key(canonical(variant, ""));
}

}  // namespace newsdex
