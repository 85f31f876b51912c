// Reading the compiled-in word lists.
#include "indexer/extract/name_words.h"

#include <map>

#include "common/actors.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

// Calls fn(section, line) for each non-comment line of a list text.
template <typename Fn>
void for_each_line(std::string_view all, Fn fn) {
  std::string section;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    line = trim_space(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    fn(section, line);
  }
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

const NameWords& NameWords::builtin() {
  static const NameWords kWords;
  return kWords;
}

NameWords::NameWords() {
  static const std::map<std::string, WordList> kSections{
      {"given", WordList::kGiven},
      {"places", WordList::kPlace},
      {"org", WordList::kOrg},
      {"title", WordList::kTitle},
      {"not_name", WordList::kNotName},
      {"function", WordList::kFunction},
      {"particle", WordList::kParticle},
      {"plain_acronym", WordList::kPlainAcronym},
      {"said", WordList::kSaid},
      {"org_role", WordList::kOrgRole},
      {"org_voice", WordList::kOrgVoice},
      {"org_descriptor", WordList::kOrgDescriptor},
      {"ambiguous_descriptor", WordList::kAmbiguousDescriptor},
      {"company_suffix", WordList::kCompanySuffix},
      {"common_org", WordList::kCommonOrg},
      {"time", WordList::kTime},
      {"adjective_ending", WordList::kAdjectiveEnding},
      {"seat_title", WordList::kSeatTitle},
      {"party_adjective", WordList::kPartyAdjective},
      {"party_member", WordList::kPartyMember},
      {"state_body", WordList::kStateBody}};
  for_each_line(builtin_name_words(), [&](const std::string& section,
                                          std::string_view line) {
    if (section == "country_cue") {  // "GB british britain ..."
      std::size_t space = line.find(' ');
      std::string country(line.substr(0, space));
      for (const WordSpan& w : name_spans(line.substr(space + 1))) {
        country_cues_[fold_for_key(
            line.substr(space + 1).substr(w.begin, w.end - w.begin))] = country;
      }
      return;
    }
    if (section == "national_body") {  // "GB Treasury = HM Treasury"
      std::size_t space = line.find(' '), eq = line.find(" = ");
      if (space == std::string_view::npos || eq == std::string_view::npos) {
        return;
      }
      std::string name =
          join(folded_name_words(line.substr(space + 1, eq - space - 1)));
      national_body_names_.insert(name);
      national_bodies_[name + '\t' + std::string(line.substr(0, space))] =
          std::string(line.substr(eq + 3));
      return;
    }
    if (section == "unit_abbreviation") {  // "CAA Combined Arms Army"
      std::size_t space = line.find(' ');
      if (space != std::string_view::npos) {
        unit_types_[fold_for_key(line.substr(0, space))] =
            std::string(line.substr(space + 1));
      }
      return;
    }
    auto it = kSections.find(section);
    if (it == kSections.end()) return;
    auto& list = lists_[static_cast<int>(it->second)];
    for (const WordSpan& w : name_spans(line)) {
      list.insert(fold_for_key(line.substr(w.begin, w.end - w.begin)));
    }
  });
  // places.list and not_actors.list: one name a line, of one or more words.
  auto add_phrases = [&](std::string_view text, bool place) {
    for_each_line(text, [&](const std::string&, std::string_view line) {
      std::vector<std::string> words = folded_name_words(line);
      if (words.empty()) return;
      if (words.size() == 1 && place) {
        lists_[static_cast<int>(WordList::kPlace)].insert(words[0]);
      }
      phrases_.emplace(join(words), place);
      std::string prefix;
      for (std::size_t w = 0; w + 1 < words.size(); ++w) {
        if (w) prefix += ' ';
        prefix += words[w];
        phrase_prefixes_.insert(prefix);
      }
      longest_phrase_ = std::max(longest_phrase_, words.size());
    });
  };
  add_phrases(builtin_place_names(), true);
  add_phrases(builtin_not_actors(), false);
}

std::size_t NameWords::phrase_at(const std::vector<std::string>& folded,
                                 std::size_t start, bool* place) const {
  std::size_t length = 0;
  std::string joined;
  for (std::size_t n = 1; n <= longest_phrase_ && start + n <= folded.size();
       ++n) {
    if (n > 1) joined += ' ';
    joined += folded[start + n - 1];
    auto it = phrases_.find(joined);
    if (it != phrases_.end()) {
      length = n;
      if (place) *place = it->second;
    }
    if (!phrase_prefixes_.count(joined)) break;
  }
  return length;
}

}  // namespace newsdex
