// Actor extraction: people (after a title, with a given name, "said" or
// an age), surnames resolved to the article's full names, and single
// names that act as subjects.
#include "indexer/extract/actor_passes.h"

namespace newsdex::actor_detail {

// 2e. "Stop Stansted Expansion chairman Peter Sanders", "the ruling
// United Russia party": capitalised words before a role that only an
// organisation has ("chairman", "spokesman", "board"), two to four of
// them, or before a small "party", one to four, name an organisation
// (name_words [org_voice]: "director" also follows a film).
// Not when they start with a given name or a title, or are a place.
void Extractor::named_by_role_pass() {
  for (std::size_t from = 0; from + 1 < size(); ++from) {
    if (!org_span_token(from) || tok(from).number || tok(from).all_caps ||
        tok(from).sentence_start) {
      continue;
    }
    if (from > 0 && tok(from - 1).capitalised && tok(from - 1).joined_to_next &&
        !in(WordList::kFunction, folded_[from - 1])) {
      continue;  // inside a longer run
    }
    std::size_t to = from;
    while (to < size() && to - from < 5 && org_span_token(to) &&
           !tok(to).number && !tok(to).possessive && tok(to).joined_to_next) {
      ++to;
    }
    if (to >= size() || to == from || to - from > 4 || tok(to).capitalised ||
        !tok(to - 1).joined_to_next || tok(to - 1).possessive) {
      from = to;
      continue;
    }
    bool party = folded_[to] == "party";
    bool role = in(WordList::kOrgVoice, folded_[to]);
    if (!party && !(role && to - from >= 2)) {
      from = to;
      continue;
    }
    std::string name = join_raw(tokens_, from, to);
    const Actor* known = find_org(name);
    if (known == nullptr && party) known = gazetteer_.find(name + " Party");
    // ("New Year's Eve party", "Christmas party" are no parties; the
    // gazetteer's "United Russia" is one.)
    bool person_or_place =
        in(WordList::kGiven, folded_[from]) ||
        in(WordList::kFunction, folded_[from]) ||
        (party && known == nullptr && in(WordList::kNotName, folded_[from]));
    for (std::size_t k = from; k < to; ++k) {
      person_or_place = person_or_place || in(WordList::kTitle, folded_[k]);
    }
    bool place = false;
    if (NameWords::builtin().phrase_at(folded_, from, &place) == to - from) {
      person_or_place = true;
    }
    if (person_or_place) {
      from = to;
      continue;
    }
    if (known != nullptr && known->type != ActorType::kOrg) {
      from = to;
      continue;
    }
    found_.add(known ? *known : Actor{name, ActorType::kOrg}, from);
    mark(from, to);
    from = to;
  }
}

// The end of a run of name words from `from` (particles and initials
// inside, a possessive ends it).
std::size_t Extractor::name_run_end(std::size_t from, bool given_first) const {
  std::size_t j = from;
  while (j < size() && j - from < 5) {
    const Token& t = tok(j);
    bool ok = !used_[j] && (nameish(t) || (j > from && is_initial(t)));
    // In a Title Case headline, the word after a given name is its
    // surname unless the body writes it small.
    if (!ok && !used_[j] && j == from + 1 && given_first && t.unconfirmed &&
        t.capitalised && !t.all_caps && !in(WordList::kNotName, t.folded) &&
        !in(WordList::kTitle, t.folded)) {
      ok = true;
    }
    if (j > from && !ok && !used_[j] && given_first && t.capitalised &&
        !t.shout && in(WordList::kPlace, t.folded) &&
        !in(WordList::kNotName, t.folded)) {
      ok = true;  // "Michael Jordan"
    }
    if (j == from && in(WordList::kPlace, t.folded)) ok = false;
    if (!ok) break;
    ++j;
    if (t.possessive) break;
    if (!(t.joined_to_next || is_initial(t))) break;
    // A particle between name words: "Barend du Plessis".
    if (j + 1 < size() && in(WordList::kParticle, folded_[j]) &&
        !tok(j).capitalised && tok(j).joined_to_next && nameish(tok(j + 1)) &&
        !used_[j + 1]) {
      ++j;
    }
  }
  // Never end on a particle or an initial.
  while (j > from &&
         (in(WordList::kParticle, folded_[j - 1]) || is_initial(tok(j - 1))))
    --j;
  return j;
}

bool Extractor::has_age_after(std::size_t end) const {
  // "Luke Tomlinson, 27," / "David Redvers, 34, from Hartpury"
  return end < size() && end > 0 && tok(end - 1).gap == ", " &&
         tok(end).number && tok(end).text.size() <= 3 &&
         tok(end).gap.find_first_of(",.;)") != std::string::npos;
}

// "Mike Lake, a Yukos spokesman": a role in apposition.
bool Extractor::has_role_apposition(std::size_t end) const {
  if (end >= size() || end == 0 || tok(end - 1).gap != ", ") return false;
  const std::string& f = folded_[end];
  if (f != "a" && f != "an" && f != "the" && f != "its" && f != "his" &&
      f != "her" && f != "their" && f != "former") {
    return false;
  }
  for (std::size_t k = end + 1; k < size() && k <= end + 4; ++k) {
    if (in(WordList::kTitle, folded_[k])) return true;
    if (!tok(k).joined_to_next) break;
  }
  return false;
}

void Extractor::add_person(std::size_t from, std::size_t to, std::size_t at) {
  named_people_.emplace_back(from, to);
  std::string name = join_text(tokens_, from, to);
  const Actor* known = gazetteer_.find(name);
  // "Serhiy Shoigu" is Sergei Shoigu; but a surname that is also a
  // given name ("Martin") is too common to tell one person by.
  if (known == nullptr && to - from == 2 &&
      !in(WordList::kGiven, folded_[to - 1])) {
    known = gazetteer_.find_person_variant(name);
  }
  found_.add(known ? *known : Actor{name, ActorType::kPerson}, at);
  mark(from, to);
}

// 3. People: a run of two to four name words with evidence: a title or
// role before it, a given name first, "said" next to it, or an age.
// Runs without evidence are kept as candidates for surnames.
void Extractor::person_pass() {
  for (std::size_t i = 0; i < size(); ++i) {
    if (used_[i]) continue;
    const Token& t = tok(i);
    bool after_title = i > 0 && in(WordList::kTitle, folded_[i - 1]) &&
                       tok(i - 1).joined_to_next && !tok(i - 1).shout;
    // "journalist A.B. Stoddard", "Gen. H. R. McMaster": initials after a
    // title start the name.
    if (after_title && is_initials(t) && !used_[i]) {
      std::size_t j = i;
      while (j < size() && j < i + 3 && is_initials(tok(j)) &&
             dotted_gap(tok(j).gap)) {
        ++j;
      }
      if (j > i && j < size() && nameish(tok(j)) && !used_[j]) {
        std::size_t to = name_run_end(j, false);
        if (to > j) {
          add_person(i, to, i);
          i = to - 1;
          continue;
        }
      }
    }
    if (!nameish(t)) continue;
    if (i > 0 && !used_[i - 1] && nameish(tok(i - 1)) &&
        tok(i - 1).joined_to_next) {
      continue;  // inside a run already looked at
    }
    std::size_t from = i;
    bool given = in(WordList::kGiven, folded_[from]);
    std::size_t to = name_run_end(from, given);
    // "Christian Democrat Giulio Andreotti": a party member's noun and
    // the words before it are no part of the name (k runs from to - 2
    // down to from: a name word must follow).
    for (std::size_t k = std::max(to, from + 1) - 1; k-- > from;) {
      if (!in(WordList::kPartyMember, folded_[k])) continue;
      mark(from, k + 1);
      from = k + 1;
      given = in(WordList::kGiven, folded_[from]);
      // "Christian Democrat Andreotti told ...": a surname alone is the
      // person the article names in full, if it does.
      if (to == from + 1) {
        member_surnames_.push_back(from);
        used_[from] = true;
      }
      break;
    }
    if (from >= to) continue;
    // "Irishmen JP McManus": start at the given name inside the run.
    if (!given && !after_title) {
      for (std::size_t k = from + 1; k + 1 < to; ++k) {
        if (in(WordList::kGiven, folded_[k])) {
          from = k;
          given = true;
          break;
        }
      }
    }
    std::size_t n = to - from;
    if (n == 0) continue;
    // "a spokeswoman for Royal Mail": the name is the employer's.
    if (from >= 2 &&
        (folded_[from - 1] == "for" || folded_[from - 1] == "at") &&
        in(WordList::kOrgRole, folded_[from - 2]) && n <= 3) {
      std::string name = join_text(tokens_, from, to);
      const Actor* known = gazetteer_.find(name);
      found_.add(known ? *known : Actor{name, ActorType::kOrg}, from);
      mark(from, to);
      i = to - 1;
      continue;
    }
    bool said =
        (to < size() && is_said(tok(to))) ||
        (from > 0 && is_said(tok(from - 1)) && tok(from - 1).joined_to_next);
    // "said" alone does not vouch for a capitalised sentence opener
    // ("Winemaker Southcorp said").
    bool said_ok =
        said && n >= 2 && n <= 3 && (!tok(from).sentence_start || given);
    bool evidence = after_title || (given && n >= 2) || said_ok ||
                    ((has_age_after(to) || has_role_apposition(to)) && n >= 2);
    if (n >= 2 && evidence) {
      add_person(from, to, from);
      i = to - 1;
      continue;
    }
    if (n == 1 && after_title && !in(WordList::kPlace, folded_[from])) {
      // "Minister Subroto", "Mr Volcker": resolved at the end.
      if (const Actor* known = gazetteer_.find(tok(from).text)) {
        found_.add(*known, from);
      } else {
        titled_surnames_.push_back(from);
      }
      used_[from] = true;
      continue;
    }
    if (n >= 2 && n <= 3) candidates_.push_back({from, to});
    i = to - 1;
  }
}

void Extractor::resolve_deferred_surnames() {
  for (const auto& [at, known] : deferred_surnames_) {
    std::string key = actor_key(tok(at).text);
    const Actor* own = nullptr;
    for (const auto& [from, to] : named_people_) {
      if (actor_key(tok(to - 1).text) == key) {
        own = found_by_key(join_text(tokens_, from, to));
        if (own != nullptr) break;
      }
    }
    found_.add(own != nullptr ? Actor(*own) : *known, at);
  }
}

const Actor* Extractor::found_by_key(const std::string& name) const {
  std::string key = spelling_key(name);
  for (const Actor& a : found_.actors()) {
    if (spelling_key(a.name) == key) return &a;
  }
  return nullptr;
}

// A surname after a title is the person of that surname the article
// names in full (even later: "Mr Walkington" / "Sandy Walkington will"),
// else the surname alone. After a party member's noun ("Christian
// Democrat Andreotti") it is only ever the person named in full.
void Extractor::resolve_titled_surnames() {
  for (std::size_t at : member_surnames_) resolve_surname(at, false);
  for (std::size_t at : titled_surnames_) resolve_surname(at, true);
}

void Extractor::resolve_surname(std::size_t at, bool titled) {
  std::string key = actor_key(tok(at).text);
  const Actor* a = person_with_surname(key);
  // "President Volodymyr" beside "Volodymyr Zelenskyy": a given name
  // alone is the person the article names in full with it.
  if (a == nullptr && titled) a = person_with_given_name(key);
  if (a != nullptr) {
    found_.add(Actor(*a), at);  // mentioned first by surname
    return;
  }
  for (const auto& [from, to] : candidates_) {
    if (folded_[to - 1] == tok(at).folded && !used_[from]) {
      add_person(from, to, std::min(from, at));
      return;
    }
  }
  if (titled) found_.add({tok(at).text, ActorType::kPerson}, at);
}

const Actor* Extractor::person_with_surname(const std::string& key) const {
  for (const Actor& a : found_.actors()) {
    if (a.type != ActorType::kPerson) continue;
    std::string full = actor_key(a.name);
    if (full == key || ends_with_word(full, key)) return &a;
    // A gazetteer alias of this actor ("Zelensky" for "Volodymyr
    // Zelenskyy").
    const Actor* known = gazetteer_.find(key);
    if (known != nullptr && known->name == a.name) return &a;
    // Another spelling the gazetteer knows of this person's name with
    // the same given name ("Ignat" beside "Yuriy Ihnat": "Yuriy Ignat").
    std::vector<std::string> words = folded_name_words(a.name);
    if (words.size() >= 2) {
      known = gazetteer_.find(words.front() + " " + key);
      if (known != nullptr && known->name == a.name) return &a;
    }
  }
  return nullptr;
}

// The one person found whose name starts with the given name `key`.
const Actor* Extractor::person_with_given_name(const std::string& key) const {
  if (!in(WordList::kGiven, key) && gazetteer_.find(key) != nullptr) {
    return nullptr;
  }
  const Actor* found = nullptr;
  for (const Actor& a : found_.actors()) {
    if (a.type != ActorType::kPerson) continue;
    if (!starts_with_word(actor_key(a.name), key)) continue;
    if (found != nullptr) return nullptr;  // two people of that name
    found = &a;
  }
  return found;
}

bool Extractor::part_of_found_name(const std::string& key) const {
  for (const Actor& a : found_.actors()) {
    std::string full = "-" + actor_key(a.name) + "-";
    if (full.find("-" + key + "-") != std::string::npos) return true;
  }
  return false;
}

// 4. Single names acting as subjects: acronyms ("the DOE said", "UAW
// vice-president") and names seen often, in mid-sentence, that "said"
// something or own something ("Southcorp's board").
void Extractor::single_name_pass() {
  struct Seen {
    std::size_t first = 0, mentions = 0;
    bool said = false, role = false, possessive = false, titled = false;
  };
  std::map<std::string, Seen> seen;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < size(); ++i) {
    const Token& t = tok(i);
    if (used_[i] || !t.capitalised || t.shout || t.number || t.denied ||
        t.unconfirmed) {
      continue;
    }
    if (i > 0 && in(WordList::kTitle, folded_[i - 1])) {
      seen[t.folded].titled = true;
    }
    bool alone =
        (i == 0 || !tok(i - 1).joined_to_next || !tok(i - 1).capitalised ||
         in(WordList::kNotName, folded_[i - 1]) ||
         in(WordList::kOrgDescriptor, folded_[i - 1]) || tok(i - 1).number) &&
        (!t.joined_to_next || i + 1 >= size() || !tok(i + 1).capitalised ||
         tok(i + 1).shout);
    if (!alone) continue;
    if (t.gap.find('>') != std::string::npos) continue;  // "<TWA>" ticker
    auto [it, fresh] = seen.try_emplace(t.folded);
    if (fresh) {
      it->second.first = i;
      order.push_back(t.folded);
    }
    Seen& s = it->second;
    if (!t.sentence_start || t.all_caps) ++s.mentions;
    if (t.possessive) s.possessive = true;
    if (i + 1 < size() && is_said(tok(i + 1)) && t.joined_to_next) {
      s.said = true;
    }
    if (i + 1 < size() && t.joined_to_next &&
        in(WordList::kOrgRole, folded_[i + 1])) {
      s.role = true;
    }
    // "food group Kraft", "watchdog Ofsted" (not "Body Shop").
    if (i > 0 && tok(i - 1).joined_to_next &&
        (!tok(i - 1).capitalised || tok(i - 1).sentence_start) &&
        in(WordList::kOrgDescriptor, folded_[i - 1])) {
      s.role = true;
    }
  }
  for (const std::string& f : order) {
    const Seen& s = seen[f];
    const Token& t = tok(s.first);
    // "MPs", "CEOs": plural acronyms are people, not an organisation.
    bool plural_acronym =
        t.text.size() >= 3 && t.text.back() == 's' &&
        count_letters(t.text).upper == static_cast<int>(t.text.size()) - 1;
    if (plural_acronym || s.titled || f.size() < 2 ||
        in(WordList::kNotName, f) || in(WordList::kTitle, f) ||
        in(WordList::kPlace, f) || in(WordList::kGiven, f) ||
        in(WordList::kOrg, f)) {
      continue;
    }
    if (auto a = acronyms_.find(f); a != acronyms_.end()) continue;
    if (t.all_caps && initials_of_found_org(f)) continue;
    std::string key = actor_key(t.text);
    if (person_with_surname(key) || part_of_found_name(key)) continue;
    bool org = false;
    if (t.all_caps) {
      if (in(WordList::kPlainAcronym, f) || t.text.size() > 6) continue;
      org = s.mentions >= 2 || s.said || s.role;
    } else {
      org = s.mentions >= 1 &&
            (s.said || s.role || (s.possessive && s.mentions >= 3));
    }
    if (!org) continue;
    const Actor* known = gazetteer_.find(t.text);
    found_.add(known ? *known : Actor{t.text, ActorType::kOrg}, s.first);
  }
}

}  // namespace newsdex::actor_detail
