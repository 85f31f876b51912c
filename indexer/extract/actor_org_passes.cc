// Actor extraction: organisations (names ending in an organisation word,
// "the Commission", "watchdog Ofsted"), numbered military units, party
// adjectives and acronyms an article defines.
#include "indexer/extract/actor_passes.h"

namespace newsdex::actor_detail {

// "Archbishop of Canterbury", "MP for Sittingbourne and Sheppey": the
// seat after the title is a place, named by nobody.
void Extractor::skip_seats() {
  for (std::size_t i = 0; i + 2 < size(); ++i) {
    if (!in(WordList::kSeatTitle, folded_[i]) || !tok(i).joined_to_next ||
        (folded_[i + 1] != "of" && folded_[i + 1] != "for") ||
        !tok(i + 1).joined_to_next) {
      continue;
    }
    std::size_t k = i + 2;
    while (k < size() && tok(k).capitalised && !used_[k] && !tok(k).shout) {
      used_[k] = true;
      if (!tok(k).joined_to_next || k + 2 >= size()) break;
      if (tok(k + 1).capitalised) {
        ++k;
      } else if (folded_[k + 1] == "and" && tok(k + 1).joined_to_next &&
                 tok(k + 2).capitalised) {
        k += 2;
      } else {
        break;
      }
    }
    i = k;
  }
}

// 1c. "Republican outrage", "Democratic leaders", "Senate Democrat",
// "Democrat Ted Lieu": a party's adjective standing alone names the
// party (the gazetteer's "W Party", else "Ws"). Inside a longer name it
// does not: after a capitalised word that is no place, organisation,
// title or common word ("Social Democratic", "Christian Democrat"), or
// before a capitalised word that is no title, given name or known name
// ("Democratic Republic of Congo", "Democratic National Committee",
// "Republican Guard"). A headline word the body writes small
// ("democratic reforms") is no party.
void Extractor::party_adjective_pass() {
  for (std::size_t i = 0; i < size(); ++i) {
    const Token& t = tok(i);
    if (used_[i] || !t.capitalised || t.shout || t.all_caps || t.denied ||
        !in(WordList::kPartyAdjective, folded_[i])) {
      continue;
    }
    if (i > 0 && tok(i - 1).joined_to_next && tok(i - 1).capitalised &&
        !used_[i - 1] && !tok(i - 1).denied && !tok(i - 1).unconfirmed &&
        !in(WordList::kPlace, folded_[i - 1]) &&
        !in(WordList::kOrg, folded_[i - 1]) &&
        !in(WordList::kNotName, folded_[i - 1]) &&
        !in(WordList::kTitle, folded_[i - 1]) &&
        !in(WordList::kFunction, folded_[i - 1])) {
      continue;
    }
    if (!t.possessive && t.joined_to_next && i + 1 < size()) {
      const Token& next = tok(i + 1);
      bool continues_name = next.capitalised && !next.shout && !used_[i + 1] &&
                            !next.denied && !next.unconfirmed &&
                            !in(WordList::kTitle, next.folded) &&
                            !in(WordList::kGiven, next.folded) &&
                            !in(WordList::kFunction, next.folded) &&
                            !in(WordList::kTime, next.folded);
      if (continues_name) continue;
      // "Democratic Justice Party": a title-like word after it may still
      // be inside a name that ends in an organisation word.
      for (std::size_t k = i + 1; k < size() && k <= i + 3; ++k) {
        if (!tok(k).capitalised || tok(k).shout || used_[k]) break;
        if (in(WordList::kOrg, folded_[k])) continues_name = true;
        if (!tok(k).joined_to_next) break;
      }
      if (continues_name) continue;
    }
    const Actor* party = gazetteer_.find(t.text + " Party");
    if (party == nullptr) party = gazetteer_.find(t.text + "s");
    if (party == nullptr || party->type != ActorType::kOrg) continue;
    found_.add(*party, i);
    used_[i] = true;
  }
}

// Numbered military units written short: "20th CAA" and "20th Guards
// CAA" are the 20th (Guards) Combined Arms Army; "1st and 2nd Army
// Corps" are two units.
void Extractor::unit_pass() {
  const NameWords& words = NameWords::builtin();
  auto add_unit = [&](std::size_t at, const std::string& name) {
    const Actor* known = gazetteer_.find(name);
    found_.add(known ? *known : Actor{name, ActorType::kOrg}, at);
  };
  for (std::size_t i = 0; i + 1 < size(); ++i) {
    if (!tok(i).ordinal || used_[i] || !tok(i).joined_to_next) continue;
    // "20th CAA", "20th Guards CAA".
    std::size_t j = i + 1;
    while (j + 1 < size() && j < i + 3 && tok(j).capitalised &&
           !tok(j).all_caps && tok(j).joined_to_next && !used_[j]) {
      ++j;
    }
    if (const std::string* type = words.unit_type(folded_[j]);
        type != nullptr && tok(j).all_caps && !used_[j]) {
      std::string name = tok(i).text;
      if (j > i + 1) name += " " + join_text(tokens_, i + 1, j);
      add_unit(i, name + " " + *type);
      mark(i, j + 1);
      i = j;
      continue;
    }
    // "1st and 2nd Army Corps": one unit name after two numbers.
    if (i + 3 >= size() || folded_[i + 1] != "and" ||
        !tok(i + 1).joined_to_next || !tok(i + 2).ordinal ||
        !tok(i + 2).joined_to_next) {
      continue;
    }
    std::size_t end = i + 3;
    while (end < size() && end < i + 7 && org_span_token(end) &&
           !tok(end).number && !tok(end).ordinal && !used_[end]) {
      ++end;
      if (!tok(end - 1).joined_to_next) break;
    }
    if (end == i + 3) continue;
    std::string unit = join_text(tokens_, i + 3, end);
    // "76th and 106th Airborne Assault Divisions": each is a Division.
    const std::string& last = folded_[end - 1];
    if (!in(WordList::kOrg, last)) {
      if (!last.ends_with('s') ||
          !in(WordList::kOrg, last.substr(0, last.size() - 1))) {
        continue;
      }
      unit.pop_back();
    }
    add_unit(i, tok(i).text + " " + unit);
    add_unit(i + 2, tok(i + 2).text + " " + unit);
    mark(i, end);
    i = end - 1;
  }
}

// Whether the word at `i` acts ("Total said", "Meta's board") or is
// written capitalised in mid-sentence elsewhere in the article.
bool Extractor::acts_as_organisation(std::size_t i) const {
  if (tok(i).possessive) return true;
  if (i + 1 < size() && tok(i).joined_to_next &&
      (is_said(tok(i + 1)) || in(WordList::kOrgRole, folded_[i + 1]))) {
    return true;
  }
  for (std::size_t k = 0; k < size(); ++k) {
    if (k != i && folded_[k] == folded_[i] && tok(k).capitalised &&
        !tok(k).sentence_start) {
      return true;
    }
  }
  return false;
}

bool Extractor::org_span_token(std::size_t j) const {
  const Token& t = tok(j);
  return (t.capitalised || t.number || t.ordinal) && !t.shout && !t.denied &&
         !t.unconfirmed && !used_[j];
}

// Whether the gap after token j keeps a name going.
bool Extractor::joins(std::size_t j) const {
  const Token& t = tok(j);
  if (t.joined_to_next) return true;
  if (t.gap == " & ") return true;
  if (t.text.size() <= 2 && t.capitalised && dotted_gap(t.gap))
    return true;  // "U.S. Department", "B.F. Goodrich"
  return false;
}

// Words of [from, to] that are not initials ("U.S." counts none).
std::size_t Extractor::words_since(std::size_t from, std::size_t to) const {
  std::size_t n = 0;
  for (std::size_t k = from; k <= to; ++k) n += tok(k).text.size() > 2;
  return n;
}

// 2. Organisation names: capitalised words ending in an organisation
// word ("Continental Grain Co", "China Legal News") or starting with one
// followed by "of" ("Bank of Korea", "Board of Investments").
void Extractor::organisation_pass() {
  for (std::size_t i = 0; i < size(); ++i) {
    if (!org_span_token(i) || tok(i).number) continue;
    // Things that are never actors ("Zaporizhzhia Nuclear Power Plant",
    // "Russian Federation") and places.
    // A place may begin one ("European Regions Airline Association",
    // "London Stock Exchange"); nothing else may follow.
    bool place = false;
    if (std::size_t n = NameWords::builtin().phrase_at(folded_, i, &place);
        n > 0) {
      std::size_t last = i + n - 1;
      // ("Philippines' Board of Investments": a possessive place ends.)
      bool continues = place && !tok(last).possessive && last + 1 < size() &&
                       joins(last) && org_span_token(last + 1) &&
                       !in(WordList::kFunction, folded_[last + 1]);
      if (!continues) {
        i = last;
        continue;
      }
    }
    // Leading words that are not part of a name.
    if (in(WordList::kFunction, folded_[i])) continue;
    std::size_t j = i;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t last_org = kNone;
    bool of_form = false, of_the = false;
    while (j < size() && j - i < 9) {
      if (!org_span_token(j)) break;
      if (in(WordList::kOrg, folded_[j]) && j > i) last_org = j;
      if (in(WordList::kOrg, folded_[j]) && j == i && j + 2 < size() &&
          (folded_[j + 1] == "of" ||
           // "Member of Parliament for Sheffield" and "entered
           // Parliament for Sheffield Brightside" name a seat.
           (folded_[j + 1] == "for" && folded_[j] != "parliament" &&
            !(j > 0 && folded_[j - 1] == "of")) ||
           // "League Against Cruel Sports"
           (folded_[j + 1] == "against" && tok(j + 1).capitalised)) &&
          joins(j) && joins(j + 1) && org_span_token(j + 2) &&
          !tok(j + 2).number) {
        of_form = true;  // "Bank of Korea", "Commission for Africa"
      }
      // "Office of the Deputy Prime Minister", "Department of the
      // Treasury": the office a title holds.
      if (in(WordList::kOrg, folded_[j]) && j == i && j + 3 < size() &&
          (folded_[j + 1] == "of" || folded_[j + 1] == "for") &&
          folded_[j + 2] == "the" && joins(j) && joins(j + 1) && joins(j + 2) &&
          org_span_token(j + 3) && !tok(j + 3).number && !tok(j + 3).ordinal) {
        of_form = true;
        of_the = true;
      }
      if (tok(j).possessive) {
        // "Foster's Group", "Co's" end the span unless an org word follows.
        if (!(j + 1 < size() && joins(j) &&
              in(WordList::kOrg, folded_[j + 1]))) {
          ++j;
          break;
        }
      }
      if (!joins(j) || j + 1 >= size()) {
        // ", Inc" after a company name ("Cargill, Inc").
        if (tok(j).gap == ", " && j + 1 < size() &&
            in(WordList::kCompanySuffix, folded_[j + 1]) &&
            tok(j + 1).capitalised) {
          last_org = j + 1;
          j += 2;
        } else {
          ++j;
        }
        break;
      }
      // Connectors: "of", "and", "&", "for", "des" between capitalised
      // words; "and The" starts another name.
      std::size_t next = j + 1;
      if (tok(j).gap == " & ") {
        ++j;
        continue;
      }
      const std::string& f = folded_[next];
      // "26th Tank Regiment of the 47th Guards Tank Division": a unit
      // of a numbered unit is two names.
      if (f == "of" && next + 2 < size() && folded_[next + 1] == "the" &&
          last_org == j && tok(next + 2).ordinal) {
        ++j;
        break;
      }
      // "General Staff of the Armed Forces": "of the" between names.
      if ((f == "of" || (f == "for" && of_the && j == i)) &&
          next + 2 < size() && folded_[next + 1] == "the" && joins(next) &&
          joins(next + 1) && org_span_token(next + 2) &&
          (last_org != kNone || (of_the && j == i))) {
        j = next + 2;
        continue;
      }
      if ((f == "of" || f == "and" || f == "for" || f == "des" || f == "de" ||
           f == "on") &&
          next + 1 < size() && joins(next) && org_span_token(next + 1) &&
          !tok(next + 1).number && !in(WordList::kTime, folded_[next + 1]) &&
          // "and The", "and 5th Corps": another name starts.
          !(f == "and" &&
            (folded_[next + 1] == "the" || tok(next + 1).ordinal ||
             (last_org == j && words_since(i, j) >= 2)))) {
        j = next + 1;
        continue;
      }
      ++j;
    }
    std::size_t end = j;  // span [i, end)
    std::size_t stop = kNone;
    // Keep "Bank of Korea", not a person or title that follows ("...
    // of Defense Spokesperson Oleksandr Motuzyanyk"), unless that leaves
    // "Association of" ("Association of Chief Police Officers").
    auto before_person = [&](std::size_t from, std::size_t stop) {
      for (std::size_t k = from; k < stop; ++k) {
        if (in(WordList::kTitle, folded_[k]) ||
            in(WordList::kGiven, folded_[k])) {
          return k > from ? k : stop;
        }
      }
      return stop;
    };
    if (of_form) {
      stop = end;
      // "Bank of Communications Ltd": up to the last organisation word.
      if (last_org != kNone && last_org > i + 2) stop = last_org + 1;
      if (of_the) {
        // "Office of the Prime Minister": titles belong to the office;
        // a given name starts the person after it.
        for (std::size_t k = i + 3; k < stop; ++k) {
          if (k > i + 3 && in(WordList::kGiven, folded_[k])) {
            stop = k;
            break;
          }
        }
      } else {
        stop = before_person(i + 2, stop);
      }
    } else if (last_org != kNone) {
      stop = last_org + 1;
      // "U.S. Department of Energy", "Parliamentary Group on Betting and
      // Gaming": "of" (or "on" after a body that sits on a subject) and a
      // name after the org word.
      bool on_subject =
          stop + 1 < end && folded_[stop] == "on" &&
          (folded_[stop - 1] == "group" || folded_[stop - 1] == "committee" ||
           folded_[stop - 1] == "commission" ||
           folded_[stop - 1] == "council" || folded_[stop - 1] == "panel" ||
           folded_[stop - 1] == "conference");
      if (stop + 1 < end && (folded_[stop] == "of" || on_subject)) {
        stop = before_person(stop + 1, end);
      }
    }
    // A name never ends on a connector ("Office of the").
    while (stop != kNone && stop > i + 1 &&
           in(WordList::kFunction, folded_[stop - 1])) {
      --stop;
    }
    if (stop == kNone || stop <= i + 1) {
      i = std::max(i, end > 0 ? end - 1 : 0);
      continue;
    }
    std::size_t begin = i;
    while (begin < stop && folded_[begin] == "the") ++begin;
    // "Russian 3rd Motorized Rifle Division": the unit is named by its
    // number; the nationality before it is not part of the name.
    if (begin + 2 < stop && tok(begin + 1).ordinal &&
        in(WordList::kPlace, folded_[begin])) {
      ++begin;
    }
    // "Ukrainian Kherson Oblast Military Administration": nor is a
    // nationality or country before the place that names the body.
    // (A place of one word may be part of the name: "Saudi Arabian
    // Monetary Agency", "Canadian Pacific Ltd".)
    if (bool place = false;
        begin + 3 < stop && in(WordList::kPlace, folded_[begin])) {
      std::size_t n =
          NameWords::builtin().phrase_at(folded_, begin + 1, &place);
      if (place && n >= 2 && begin + 1 + n < stop) ++begin;
    }
    // "Chief Executive of Hereford Hospitals NHS Trust": a title and
    // "of" lead in.
    if (!of_form) {
      std::size_t k = begin;
      while (k + 2 < stop && in(WordList::kTitle, folded_[k])) ++k;
      if (k > begin && folded_[k] == "of") begin = k + 1;
    }
    // "Shares of B.F. Goodrich Co": a common word and "of" lead in (not
    // after "the": "the Victims of Crime Trust").
    if (begin + 2 < stop && folded_[begin + 1] == "of" && !of_form &&
        !in(WordList::kOrg, folded_[begin]) &&
        (begin == 0 || folded_[begin - 1] != "the")) {
      begin += 2;
    }
    if (stop - begin >= 2 ||
        (stop - begin == 1 && !in(WordList::kOrg, folded_[begin]))) {
      std::string name = join_raw(tokens_, begin, stop);
      // "Luhansk People's Republic (LNR) People's Militia": the body of
      // the defined acronym is named with it (not a numbered unit).
      if (begin >= 2 && tok(begin - 1).all_caps &&
          tok(begin - 2).gap.find('(') != std::string::npos &&
          tok(begin - 1).gap.starts_with(") ") && !tok(begin).ordinal) {
        name = tok(begin - 1).text + " " + name;
      }
      const Actor* known = find_org(name);
      // "Ukrainian Directorate of Intelligence (GUR)": defined by a known
      // organisation's acronym that is not its own initials, it is that
      // organisation ("Islamic Development Bank (IDB)" is not the
      // gazetteer's IDB, the Inter-American Development Bank).
      if (known == nullptr && stop < size() &&
          tok(stop - 1).gap.find('(') != std::string::npos &&
          tok(stop).all_caps && !is_initialism(tok(stop).folded, name)) {
        known = gazetteer_.find(tok(stop).text);
        if (known != nullptr && known->type != ActorType::kOrg) {
          known = nullptr;
        }
      }
      Actor a = known ? *known : Actor{name, ActorType::kOrg};
      // "Delta Motors" after "Delta Motors Corp" is the same company.
      if (!known && same_as_found_org(actor_key(name))) {
        mark(begin, stop);
        i = stop - 1;
        continue;
      }
      found_.add(a, begin, name);
      mark(begin, stop);
      maybe_acronym(stop - 1, a.name);
    }
    i = stop - 1;
  }
}

// The gazetteer's organisation of this name, also written with "of" for
// its "for" or the other way round ("Office of National Statistics" is
// the Office for National Statistics).
const Actor* Extractor::find_org(const std::string& name) const {
  if (const Actor* a = gazetteer_.find(name)) return a;
  for (auto [from, to] :
       {std::pair<std::string_view, std::string_view>{" of ", " for "},
        {" for ", " of "}}) {
    std::size_t at = name.find(from);
    if (at == std::string::npos) continue;
    std::string other = name;
    other.replace(at, from.size(), to);
    const Actor* a = gazetteer_.find(other);
    if (a != nullptr && a->type == ActorType::kOrg) return a;
  }
  return nullptr;
}

// 2c. "the Commission": a capitalised organisation word after "the",
// standing alone, is the organisation found with that last word, else
// the gazetteer's organisation named by the first word of one found and
// that word ("the Commission" in an article naming the European Union is
// the European Commission).
void Extractor::definite_org_pass() {
  for (std::size_t i = 1; i < size(); ++i) {
    const Token& t = tok(i);
    if (used_[i] || !t.capitalised || t.shout || t.all_caps || t.denied ||
        t.unconfirmed || folded_[i - 1] != "the" ||
        !tok(i - 1).joined_to_next || !in(WordList::kOrg, folded_[i])) {
      continue;
    }
    if (t.joined_to_next && i + 1 < size() &&
        (tok(i + 1).capitalised || folded_[i + 1] == "of" ||
         folded_[i + 1] == "for" || folded_[i + 1] == "on")) {
      continue;  // "the Commission for Africa", "the Council of Europe"
    }
    const Actor* match = nullptr;
    bool several = false;
    for (const Actor& a : found_.actors()) {
      if (a.type != ActorType::kOrg) continue;
      std::vector<std::string> words = folded_name_words(a.name);
      if (words.size() >= 2 && words.back() == folded_[i]) {
        several = several || (match != nullptr && match->name != a.name);
        match = &a;
      }
    }
    if (match == nullptr) {
      for (const Actor& a : found_.actors()) {
        if (a.type != ActorType::kOrg) continue;
        std::vector<std::string> words = folded_name_words(a.name);
        if (words.size() < 2) continue;
        const Actor* known = gazetteer_.find(words.front() + " " + t.text);
        if (known == nullptr || known->type != ActorType::kOrg) continue;
        several = several || (match != nullptr && match->name != known->name);
        match = known;
      }
    }
    if (match == nullptr || several) continue;
    found_.add(Actor(*match), i);
    used_[i] = true;
  }
}

// 2d. "news outlet Mariupol Resistance", "campaign group Stop Stansted
// Expansion": a run of two to four capitalised words right after a word
// that introduces an organisation names one (single words are left to
// the single-name pass, which also wants them to act).
void Extractor::descriptor_pass() {
  for (std::size_t d = 0; d + 2 < size(); ++d) {
    // ("the company's Taj Mahal casino": a possessive describes.)
    if (tok(d).capitalised || !tok(d).joined_to_next || tok(d).possessive ||
        !org_span_token(d + 1) || !org_span_token(d + 2) ||
        !in(WordList::kOrgDescriptor, folded_[d]) ||
        in(WordList::kAmbiguousDescriptor, folded_[d])) {
      continue;
    }
    std::size_t from = d + 1, to = from;
    while (to < size() && to - from < 5 && org_span_token(to) &&
           !tok(to).number && !tok(to).all_caps &&
           !in(WordList::kTime, folded_[to]) && !is_said(tok(to))) {
      ++to;
      if (tok(to - 1).possessive || !tok(to - 1).joined_to_next) break;
    }
    if (to - from < 2 || to - from > 4) continue;
    if (in(WordList::kFunction, folded_[from]) ||
        in(WordList::kTitle, folded_[from]) ||
        in(WordList::kGiven, folded_[from])) {
      continue;
    }
    std::string name = join_raw(tokens_, from, to);
    const Actor* known = find_org(name);
    if (known != nullptr && known->type != ActorType::kOrg) continue;
    found_.add(known ? *known : Actor{name, ActorType::kOrg}, from);
    mark(from, to);
    d = to - 1;
  }
}

bool Extractor::same_as_found_org(const std::string& key) const {
  for (const Actor& a : found_.actors()) {
    if (a.type != ActorType::kOrg) continue;
    std::string full = actor_key(a.name);
    if (starts_with_word(full, key) || starts_with_word(key, full)) {
      return true;
    }
  }
  return false;
}

// Whether `acronym` (folded) is made of the initials of an organisation
// found ("AMC" for American Motors Corp, "DOE" for Department of Energy).
bool Extractor::initials_of_found_org(const std::string& acronym) const {
  for (const Actor& a : found_.actors()) {
    if (a.type == ActorType::kOrg && is_initialism(acronym, a.name)) {
      return true;
    }
  }
  return false;
}

// Whether `acronym` (folded) is made of the initials of `name`.
bool Extractor::is_initialism(const std::string& acronym,
                              const std::string& name) {
  std::string all, without_of;
  for (const std::string& w : folded_name_words(name)) {
    if (w.empty()) continue;
    all += w[0];
    if (w != "of" && w != "and" && w != "the") without_of += w[0];
  }
  for (const std::string& initials : {all, without_of}) {
    // A leading "U.S." may be left out of the acronym.
    if (initials == acronym ||
        (initials.size() > 2 && initials.compare(0, 2, "us") == 0 &&
         initials.substr(2) == acronym)) {
      return true;
    }
  }
  return false;
}

// "Oil & Natural Gas Corporation (ONGC)": the acronym names the same
// organisation.
void Extractor::maybe_acronym(std::size_t last, const std::string& name) {
  if (last + 1 >= size()) return;
  const std::string& gap = tok(last).gap;
  if (gap.find('(') == std::string::npos) return;
  if (!tok(last + 1).all_caps) return;
  acronyms_[tok(last + 1).folded] = name;
  used_[last + 1] = true;
}

// 2b. Acronyms defined after a gazetteer name too.
void Extractor::acronym_definitions() {
  for (std::size_t i = 0; i + 1 < size(); ++i) {
    if (!tok(i + 1).all_caps || used_[i + 1]) continue;
    if (tok(i).gap.find('(') == std::string::npos || !used_[i]) continue;
    // The actor ending at i: the gazetteer or an organisation found.
    for (const Actor& a : found_.actors()) {
      if (a.type != ActorType::kOrg) continue;
      std::vector<std::string> words = folded_name_words(a.name);
      if (!words.empty() && words.back() == folded_[i]) {
        acronyms_[tok(i + 1).folded] = a.name;
        used_[i + 1] = true;
        break;
      }
    }
  }
}

}  // namespace newsdex::actor_detail
