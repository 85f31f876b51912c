// Actor extraction over word tokens: gazetteer matches first, then
// organisation names, then people (titles, given names, "said", ages),
// then surnames and single names resolved against the whole article.
#include "indexer/extract/actor_extractor.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/text_utf8.h"
#include "indexer/extract/actor_names.h"
#include "indexer/extract/actor_tokens.h"
#include "indexer/extract/name_words.h"

namespace newsdex {
namespace {

using WordSet = std::unordered_set<std::string>;

bool in(WordList list, const std::string& folded) {
  return NameWords::builtin().has(list, folded);
}

bool is_said(const Token& t) { return in(WordList::kSaid, t.folded); }

// A capitalised word that can be part of a person's name.
bool nameish(const Token& t) {
  return t.capitalised && !t.shout && !t.all_caps && !t.number && !t.denied &&
         !t.unconfirmed && t.folded.size() >= 2 &&
         !in(WordList::kNotName, t.folded) && !in(WordList::kTitle, t.folded) &&
         !in(WordList::kOrg, t.folded);
}

// "." then at most white space with one line break.
bool dotted_gap(const std::string& gap) {
  return !gap.empty() && gap[0] == '.' &&
         gap.find_first_not_of(" \t\r\n", 1) == std::string::npos &&
         std::count(gap.begin(), gap.end(), '\n') <= 1;
}

// A single capital letter written as an initial ("George W. Bush").
bool is_initial(const Token& t) {
  return t.text.size() == 1 && t.capitalised && !t.shout && dotted_gap(t.gap);
}

class Extractor {
 public:
  Extractor(std::string_view title, std::string_view text,
            const ActorGazetteer& gazetteer)
      : gazetteer_(gazetteer) {
    std::string_view headline = title_without_suffix(title);
    std::string all(headline);
    all += "\n\n";
    all += text;
    tokens_ = tokenize(all);
    title_end_ = std::min(name_spans(headline).size(), tokens_.size());
    for (const auto& t : tokens_) {
      folded_.push_back(t.folded);
      keys_.push_back(name_spelling_key(t.folded));
    }
    used_.assign(tokens_.size(), false);
    for (std::size_t k = 2; k < size(); ++k) {
      if (tok(k).all_caps && tok(k - 1).gap.find('(') != std::string::npos) {
        bracketed_acronyms_.push_back(k);
      }
    }
    read_title_case();
    skip_sign_off();
  }

  std::vector<Actor> run() {
    gazetteer_pass();
    skip_seats();
    unit_pass();
    party_adjective_pass();
    organisation_pass();
    acronym_definitions();
    definite_org_pass();
    descriptor_pass();
    named_by_role_pass();
    person_pass();
    resolve_deferred_surnames();
    resolve_titled_surnames();
    single_name_pass();
    resolve_shouted_matches();
    shouted_headline_names();
    return found_.take();
  }

 private:
  const Token& tok(std::size_t i) const { return tokens_[i]; }
  std::size_t size() const { return tokens_.size(); }
  void mark(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) used_[k] = true;
  }

  // A headline in Title Case ("Sarah Palin Is Running For Office") says
  // nothing by its capitals: each capitalised word is read with what the
  // body says of it. Written small in the body: not a name word
  // ("denied"); capitalised in mid-sentence there, a given name, or a known
  // name: a name word; else "unconfirmed": only the surname after a given
  // name ("Peter Navarro Ripped" -> Peter Navarro).
  void read_title_case() {
    std::size_t words = 0, capitalised = 0, small_capitalised = 0;
    for (std::size_t k = 0; k < title_end_; ++k) {
      if (tok(k).shout) return;  // a line in capitals: gazetteer names only
      if (tok(k).number || tok(k).ordinal) continue;
      ++words;
      if (!tok(k).capitalised) continue;
      ++capitalised;
      if (k > 0 && in(WordList::kFunction, folded_[k])) ++small_capitalised;
    }
    // A label before a colon opening the headline ("Kyiv News:",
    // "Factbox:") names nothing unless the gazetteer knows it.
    for (std::size_t k = 0; k < title_end_ && k < 3; ++k) {
      if (tok(k).gap.empty() || tok(k).gap[0] != ':') continue;
      for (std::size_t m = 0; m <= k; ++m) tokens_[m].unconfirmed = true;
      break;
    }
    if (words < 3 || capitalised * 10 < words * 8) return;
    if (small_capitalised == 0 && capitalised < words) return;
    std::unordered_set<std::string> lower, confirmed;
    for (std::size_t k = title_end_; k < size(); ++k) {
      const Token& t = tok(k);
      if (!t.capitalised) {
        lower.insert(t.folded);
      } else if (!t.sentence_start && !t.shout) {
        confirmed.insert(t.folded);
      }
    }
    for (std::size_t k = 0; k < title_end_; ++k) {
      Token& t = tokens_[k];
      if (!t.capitalised || t.all_caps || confirmed.count(t.folded)) continue;
      if (lower.count(t.folded)) {
        t.denied = true;
      } else if (!in(WordList::kGiven, t.folded)) {
        t.unconfirmed = true;
      }
    }
  }

  // An outlet's sign-off closing the text ("... — Ukrinform.", "- TASS")
  // and a "View news" prompt name no actor.
  void skip_sign_off() {
    std::size_t n = size();
    if (n >= 2 && folded_[n - 2] == "view" && folded_[n - 1] == "news") {
      used_[n - 2] = used_[n - 1] = true;
      n -= 2;
    }
    for (std::size_t words = 1; words <= 3 && words < n; ++words) {
      const std::string& gap = tok(n - words - 1).gap;
      bool dash = gap.find("\xE2\x80\x94") != std::string::npos ||
                  gap.find("\xE2\x80\x93") != std::string::npos ||
                  gap.find(" - ") != std::string::npos;
      if (!dash) continue;
      bool names = true;
      for (std::size_t k = n - words; k < n; ++k) {
        names = names && tok(k).capitalised && k >= title_end_;
      }
      if (names) {
        for (std::size_t k = n - words; k < n; ++k) used_[k] = true;
      }
      return;
    }
  }

  // 1. Known actors, longest alias first. Names are capitalised; a single
  // known surname after another given name is someone else ("Jacques
  // Barrot" is not "Jean-Noël Barrot").
  void gazetteer_pass() {
    for (std::size_t i = 0; i < size(); ++i) {
      // Names start with a capital, or with a small "the" the table writes
      // ("the Guardian" is The Guardian).
      // "GOP-led", "Kremlin-backed": a known organisation the adjective
      // is made of is named (a place is not: "Russian-backed").
      if (!tok(i).adjective_of.empty() && !used_[i]) {
        const Actor* a = gazetteer_.find(tok(i).adjective_of);
        if (a != nullptr && a->type == ActorType::kOrg &&
            !in(WordList::kPlace, fold_for_key(tok(i).adjective_of))) {
          found_.add(*a, i);
          used_[i] = true;
        }
        continue;
      }
      bool small_the = !tok(i).capitalised && folded_[i] == "the";
      if (used_[i] || (!tok(i).capitalised && !small_the)) continue;
      std::size_t length = 0;
      bool acronym = false;
      const Actor* a = gazetteer_.match(keys_, i, length, &acronym);
      if (a == nullptr || (small_the && length < 2)) continue;
      if (acronym && !tok(i).all_caps) continue;  // "Who" is not WHO
      if (acronym && length == 1 && defined_otherwise(i, *a)) continue;
      if (length == 1 && a->type == ActorType::kOrg && tok(i).sentence_start &&
          !tok(i).all_caps && in(WordList::kCommonOrg, folded_[i]) &&
          !acts_as_organisation(i)) {
        continue;  // "Total number of captives"
      }
      // A name is written with capitals: "the Russian army" describes, the
      // "Russian Army" names.
      bool written_as_name = true;
      for (std::size_t k = i + 1; k < i + length; ++k) {
        written_as_name =
            written_as_name && (tok(k).capitalised || tok(k).number ||
                                in(WordList::kFunction, folded_[k]) ||
                                in(WordList::kParticle, folded_[k]));
      }
      if (!written_as_name) continue;
      // "Welsh Assembly Government" is not the Welsh Assembly, nor
      // "Department for Education and Skills" the Department for
      // Education: a known name of several words followed by an
      // organisation word, or an "X of Y" name followed by "and" and a
      // word that starts no other name, names another body, left to the
      // organisation pass.
      if (std::size_t after = i + length;
          a->type == ActorType::kOrg && length >= 2 && after < size() &&
          tok(after - 1).joined_to_next && !tok(after - 1).possessive &&
          !used_[after]) {
        bool org_word = tok(after).capitalised && !tok(after).shout &&
                        in(WordList::kOrg, folded_[after]);
        bool of_form = false;
        for (std::size_t k = i + 1; k + 1 < after; ++k) {
          of_form = of_form || folded_[k] == "of" || folded_[k] == "for";
        }
        bool and_more =
            of_form && folded_[after] == "and" && tok(after).joined_to_next &&
            after + 1 < size() && tok(after + 1).capitalised &&
            !tok(after + 1).shout && !used_[after + 1] &&
            !in(WordList::kPlace, folded_[after + 1]) &&
            !in(WordList::kFunction, folded_[after + 1]) &&
            gazetteer_.find(tok(after + 1).text) == nullptr &&
            (after + 2 >= size() || !tok(after + 1).joined_to_next ||
             !tok(after + 2).capitalised);
        if (org_word || and_more) continue;
      }
      // "Trades Union Congress" is not Congress: a one-word organisation
      // after another capitalised word is left to the organisation pass.
      // Likewise "Parliamentary Labour Party", "Scottish Labour Party".
      if (a->type == ActorType::kOrg && i > 0 &&
          in(WordList::kOrg, folded_[i + length - 1]) &&
          tok(i - 1).joined_to_next && tok(i - 1).capitalised &&
          !tok(i - 1).all_caps && !tok(i - 1).possessive && !tok(i - 1).shout &&
          !tok(i - 1).denied && !tok(i - 1).unconfirmed && !used_[i - 1] &&
          !tok(i - 1).sentence_start &&
          !in(WordList::kFunction, folded_[i - 1]) &&
          !in(WordList::kNotName, folded_[i - 1]) &&
          !in(WordList::kTitle, folded_[i - 1])) {
        continue;
      }
      // "Hereford Hospitals NHS Trust" is not the NHS: a known acronym
      // between capitalised words that end in an organisation word.
      if (a->type == ActorType::kOrg && acronym && length == 1 && i > 0 &&
          i + 1 < size() && tok(i - 1).joined_to_next &&
          tok(i).joined_to_next && nameish(tok(i - 1)) && !used_[i - 1] &&
          !tok(i - 1).possessive && !tok(i - 1).sentence_start &&
          !in(WordList::kPlace, folded_[i - 1]) && org_span_token(i + 1) &&
          in(WordList::kOrg, folded_[i + 1])) {
        continue;
      }
      if (tok(i).shout && length == 1 && a->type == ActorType::kOrg &&
          !tok(i).all_caps) {
        continue;  // "APPLE" in a headline in capitals: too ambiguous
      }
      // "WHO WILL LEAD ...", "ICE STORM ...": in a line in capitals, a
      // known name whose words the body writes only small counts when the
      // body names that actor.
      if (tok(i).shout && written_small(i, length)) {
        shouted_matches_.emplace_back(i, a);
        mark(i, i + length);
        i += length - 1;
        continue;
      }
      // "Ukraine's Zelenskiy", "Kremlin's Peskov": the possessive is not a
      // given name.
      if (length == 1 && a->type == ActorType::kPerson && i > 0 &&
          tok(i - 1).joined_to_next && nameish(tok(i - 1)) &&
          !tok(i - 1).possessive && !in(WordList::kPlace, folded_[i - 1]) &&
          folded_name_words(a->name).front() != folded_[i - 1] &&
          folded_name_words(a->name).size() > 1) {
        continue;
      }
      // A known surname alone ("McConnell") waits until the article's own
      // people are known: "Jack McConnell" named in full makes "Mr
      // McConnell" him, not the gazetteer's Mitch McConnell.
      if (length == 1 && a->type == ActorType::kPerson &&
          folded_name_words(a->name).size() > 1) {
        deferred_surnames_.emplace_back(i, a);
        used_[i] = true;
        continue;
      }
      found_.add(*a, i);
      mark(i, i + length);
      // "Cargill, Inc": the suffix is part of the company's name.
      std::size_t last = i + length - 1;
      if (a->type == ActorType::kOrg && last + 1 < size() &&
          tok(last).gap == ", " && tok(last + 1).capitalised &&
          in(WordList::kCompanySuffix, folded_[last + 1])) {
        used_[last + 1] = true;
      }
      i += length - 1;
    }
  }

  // Whether the article defines the acronym at `i` (here or at another
  // mention) as a name that is not the gazetteer's `known`.
  bool defined_otherwise(std::size_t i, const Actor& known) const {
    for (std::size_t k : bracketed_acronyms_) {
      if (folded_[k] == folded_[i] && defined_in_text(k, known)) return true;
    }
    return false;
  }

  // Whether the acronym at `i` is written in brackets after a name it is
  // the initials of, which is not a name of the gazetteer's `known`:
  // "Islamic Development Bank (IDB)" is not the Inter-American Development
  // Bank.
  bool defined_in_text(std::size_t i, const Actor& known) const {
    if (i < 2 || tok(i - 1).gap.find('(') == std::string::npos) return false;
    std::size_t from = i;
    while (from > 0 && i - from < 8 &&
           (tok(from - 1).capitalised ||
            in(WordList::kFunction, folded_[from - 1])) &&
           (from == i || tok(from - 1).joined_to_next || joins(from - 1))) {
      --from;
    }
    while (from < i && in(WordList::kFunction, folded_[from])) ++from;
    for (std::size_t k = from; k + 1 < i; ++k) {
      std::string name = join_raw(tokens_, k, i);
      if (is_initialism(tok(i).folded, name)) {
        const Actor* named = gazetteer_.find(name);
        return named == nullptr || named->name != known.name;
      }
    }
    return false;
  }

  // "Archbishop of Canterbury", "MP for Sittingbourne and Sheppey": the
  // seat after the title is a place, named by nobody.
  void skip_seats() {
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
  void party_adjective_pass() {
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
        bool continues_name =
            next.capitalised && !next.shout && !used_[i + 1] && !next.denied &&
            !next.unconfirmed && !in(WordList::kTitle, next.folded) &&
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
  void unit_pass() {
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
      if (end == i + 3 || !in(WordList::kOrg, folded_[end - 1])) continue;
      std::string unit = join_text(tokens_, i + 3, end);
      add_unit(i, tok(i).text + " " + unit);
      add_unit(i + 2, tok(i + 2).text + " " + unit);
      mark(i, end);
      i = end - 1;
    }
  }

  // Whether the word at `i` acts ("Total said", "Meta's board") or is
  // written capitalised in mid-sentence elsewhere in the article.
  bool acts_as_organisation(std::size_t i) const {
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

  bool org_span_token(std::size_t j) const {
    const Token& t = tok(j);
    return (t.capitalised || t.number || t.ordinal) && !t.shout && !t.denied &&
           !t.unconfirmed && !used_[j];
  }

  // Whether the gap after token j keeps a name going.
  bool joins(std::size_t j) const {
    const Token& t = tok(j);
    if (t.joined_to_next) return true;
    if (t.gap == " & ") return true;
    if (t.text.size() <= 2 && t.capitalised && dotted_gap(t.gap))
      return true;  // "U.S. Department", "B.F. Goodrich"
    return false;
  }

  // Words of [from, to] that are not initials ("U.S." counts none).
  std::size_t words_since(std::size_t from, std::size_t to) const {
    std::size_t n = 0;
    for (std::size_t k = from; k <= to; ++k) n += tok(k).text.size() > 2;
    return n;
  }

  // 2. Organisation names: capitalised words ending in an organisation
  // word ("Continental Grain Co", "China Legal News") or starting with one
  // followed by "of" ("Bank of Korea", "Board of Investments").
  void organisation_pass() {
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
            folded_[j + 2] == "the" && joins(j) && joins(j + 1) &&
            joins(j + 2) && org_span_token(j + 3) && !tok(j + 3).number &&
            !tok(j + 3).ordinal) {
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
      // "Shares of B.F. Goodrich Co": a common word and "of" lead in.
      if (begin + 2 < stop && folded_[begin + 1] == "of" && !of_form &&
          !in(WordList::kOrg, folded_[begin])) {
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
        found_.add(a, begin);
        mark(begin, stop);
        maybe_acronym(stop - 1, a.name);
      }
      i = stop - 1;
    }
  }

  // The gazetteer's organisation of this name, also written with "of" for
  // its "for" or the other way round ("Office of National Statistics" is
  // the Office for National Statistics).
  const Actor* find_org(const std::string& name) const {
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
  void definite_org_pass() {
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
  void descriptor_pass() {
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

  // 2e. "Stop Stansted Expansion chairman Peter Sanders", "the ruling
  // United Russia party": capitalised words before a role that only an
  // organisation has ("chairman", "spokesman", "board"), two to four of
  // them, or before a small "party", one to four, name an organisation
  // (name_words [org_voice]: "director" also follows a film).
  // Not when they start with a given name or a title, or are a place.
  void named_by_role_pass() {
    for (std::size_t from = 0; from + 1 < size(); ++from) {
      if (!org_span_token(from) || tok(from).number || tok(from).all_caps ||
          tok(from).sentence_start) {
        continue;
      }
      if (from > 0 && tok(from - 1).capitalised &&
          tok(from - 1).joined_to_next &&
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

  bool same_as_found_org(const std::string& key) const {
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
  bool initials_of_found_org(const std::string& acronym) const {
    for (const Actor& a : found_.actors()) {
      if (a.type == ActorType::kOrg && is_initialism(acronym, a.name)) {
        return true;
      }
    }
    return false;
  }

  // Whether `acronym` (folded) is made of the initials of `name`.
  static bool is_initialism(const std::string& acronym,
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
  void maybe_acronym(std::size_t last, const std::string& name) {
    if (last + 1 >= size()) return;
    const std::string& gap = tok(last).gap;
    if (gap.find('(') == std::string::npos) return;
    if (!tok(last + 1).all_caps) return;
    acronyms_[tok(last + 1).folded] = name;
    used_[last + 1] = true;
  }

  // 2b. Acronyms defined after a gazetteer name too.
  void acronym_definitions() {
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

  // The end of a run of name words from `from` (particles and initials
  // inside, a possessive ends it).
  std::size_t name_run_end(std::size_t from, bool given_first) const {
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

  bool has_age_after(std::size_t end) const {
    // "Luke Tomlinson, 27," / "David Redvers, 34, from Hartpury"
    return end < size() && end > 0 && tok(end - 1).gap == ", " &&
           tok(end).number && tok(end).text.size() <= 3 &&
           tok(end).gap.find_first_of(",.;)") != std::string::npos;
  }

  // "Mike Lake, a Yukos spokesman": a role in apposition.
  bool has_role_apposition(std::size_t end) const {
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

  void add_person(std::size_t from, std::size_t to, std::size_t at) {
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
  void person_pass() {
    for (std::size_t i = 0; i < size(); ++i) {
      if (used_[i]) continue;
      const Token& t = tok(i);
      bool after_title = i > 0 && in(WordList::kTitle, folded_[i - 1]) &&
                         tok(i - 1).joined_to_next && !tok(i - 1).shout;
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
      bool evidence =
          after_title || (given && n >= 2) || said_ok ||
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

  void resolve_deferred_surnames() {
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

  const Actor* found_by_key(const std::string& name) const {
    std::string key = spelling_key(name);
    for (const Actor& a : found_.actors()) {
      if (spelling_key(a.name) == key) return &a;
    }
    return nullptr;
  }

  // A surname after a title is the person of that surname the article
  // names in full (even later: "Mr Walkington" / "Sandy Walkington will"),
  // else the surname alone.
  void resolve_titled_surnames() {
    for (std::size_t at : member_surnames_) {
      if (const Actor* a = person_with_surname(actor_key(tok(at).text))) {
        found_.add(Actor(*a), at);
        continue;
      }
      for (const auto& [from, to] : candidates_) {
        if (folded_[to - 1] == tok(at).folded && !used_[from]) {
          add_person(from, to, std::min(from, at));
          break;
        }
      }
    }
    for (std::size_t at : titled_surnames_) {
      std::string key = actor_key(tok(at).text);
      if (const Actor* a = person_with_surname(key)) {
        found_.add(Actor(*a), at);  // mentioned first by surname
        continue;
      }
      // "President Volodymyr" beside "Volodymyr Zelenskyy": a given name
      // alone is the person the article names in full with it.
      if (const Actor* a = person_with_given_name(key)) {
        found_.add(Actor(*a), at);
        continue;
      }
      bool resolved = false;
      for (const auto& [from, to] : candidates_) {
        if (folded_[to - 1] == tok(at).folded && !used_[from]) {
          add_person(from, to, std::min(from, at));
          resolved = true;
          break;
        }
      }
      if (!resolved) found_.add({tok(at).text, ActorType::kPerson}, at);
    }
  }

  const Actor* person_with_surname(const std::string& key) const {
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
  const Actor* person_with_given_name(const std::string& key) const {
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

  bool part_of_found_name(const std::string& key) const {
    for (const Actor& a : found_.actors()) {
      std::string full = "-" + actor_key(a.name) + "-";
      if (full.find("-" + key + "-") != std::string::npos) return true;
    }
    return false;
  }

  // Whether the body (outside lines in capitals) writes every word of
  // [from, from + length) that can name something only in lower case,
  // never capitalised in mid-sentence; a lone function word ("WHO") is
  // written small unless the body writes it capitalised. A body that
  // starts a fifth of its sentences small has been written in lower case
  // ("venezuela may turn to the international monetary fund"), as has
  // one that writes places small ("bolivia's", twice or in more than a
  // fifth of their mentions): its case says nothing.
  bool written_small(std::size_t from, std::size_t length) {
    if (!body_case_read_) {
      body_case_read_ = true;
      std::size_t starts = 0, capitalised_starts = 0;
      std::size_t small_places = 0, capitalised_places = 0;
      for (std::size_t k = title_end_; k < size(); ++k) {
        const Token& t = tok(k);
        if (t.shout || t.number) continue;
        // (Only after a full stop: hard-wrapped lines start small.)
        if (k > title_end_ && t.sentence_start &&
            tok(k - 1).gap.find_first_of(".!?") != std::string::npos) {
          ++starts;
          if (t.capitalised) ++capitalised_starts;
        }
        if (in(WordList::kPlace, t.folded)) {
          ++(t.capitalised ? capitalised_places : small_places);
        }
        if (!t.capitalised) {
          body_case_.try_emplace(t.folded, false);
        } else if (!t.sentence_start || t.all_caps) {
          body_case_[t.folded] = true;
        }
      }
      if (capitalised_starts * 5 < starts * 4 || small_places >= 2 ||
          small_places * 4 > capitalised_places) {
        body_case_.clear();
      }
    }
    if (body_case_.empty()) return false;
    bool any = false;
    for (std::size_t k = from; k < from + length; ++k) {
      if (length > 1 && (in(WordList::kFunction, folded_[k]) ||
                         in(WordList::kParticle, folded_[k]))) {
        continue;
      }
      auto it = body_case_.find(folded_[k]);
      bool small = it != body_case_.end()
                       ? !it->second
                       : length == 1 && in(WordList::kFunction, folded_[k]);
      if (!small) return false;
      any = true;
    }
    return any;
  }

  // Known names in capitals the body writes small: the actor when the
  // body names it too ("WHO WARNS ..." beside "the World Health
  // Organization"), else nothing.
  void resolve_shouted_matches() {
    for (const auto& [at, known] : shouted_matches_) {
      if (const Actor* a = found_by_key(known->name)) found_.add(Actor(*a), at);
    }
  }

  // A headline in capitals names, by the words the body confirms, the
  // actors the body names: "DOUGLAS" for Roger Douglas, "WIDGETCO" for
  // Widgetco Inc, an acronym the body defines. They are mentioned first
  // in the headline; no new actor comes from capitals.
  void shouted_headline_names() {
    std::vector<std::pair<std::vector<std::string>, const Actor*>> forms;
    for (const Actor& a : found_.actors()) {
      std::vector<std::string> words = folded_name_words(a.name);
      for (std::string& w : words) w = name_spelling_key(w);
      if (words.empty()) continue;
      forms.emplace_back(words, &a);
      if (a.type == ActorType::kPerson && words.size() >= 2) {
        forms.push_back({{words.back()}, &a});
      }
      if (a.type == ActorType::kOrg && words.size() >= 2 &&
          in(WordList::kCompanySuffix, words.back())) {
        forms.emplace_back(
            std::vector<std::string>(words.begin(), words.end() - 1), &a);
      }
    }
    for (const auto& [acronym, name] : acronyms_) {
      if (const Actor* a = found_by_key(name)) {
        forms.push_back({{name_spelling_key(acronym)}, a});
      }
    }
    std::vector<std::pair<std::size_t, Actor>> mentions;
    for (std::size_t i = 0; i < title_end_; ++i) {
      if (!tok(i).shout || used_[i]) continue;
      std::size_t best = 0;
      const Actor* actor = nullptr;
      for (const auto& [words, a] : forms) {
        std::size_t n = words.size();
        if (n <= best || i + n > title_end_) continue;
        bool match = true;
        for (std::size_t k = 0; k < n && match; ++k) {
          match = keys_[i + k] == words[k] && !used_[i + k] &&
                  (k + 1 == n || tok(i + k).joined_to_next);
        }
        if (match) best = n, actor = a;
      }
      if (actor == nullptr) continue;
      mentions.emplace_back(i, *actor);
      mark(i, i + best);
      i += best - 1;
    }
    for (const auto& [at, a] : mentions) found_.add(a, at);
  }

  // 4. Single names acting as subjects: acronyms ("the DOE said", "UAW
  // vice-president") and names seen often, in mid-sentence, that "said"
  // something or own something ("Southcorp's board").
  void single_name_pass() {
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

  const ActorGazetteer& gazetteer_;
  std::vector<Token> tokens_;
  std::vector<std::string> folded_;
  std::vector<std::string> keys_;  // name_spelling_key of each folded word
  std::size_t title_end_ = 0;      // tokens [0, title_end_) are the headline
  std::vector<bool> used_;
  Collector found_;
  std::vector<std::size_t> titled_surnames_;
  std::vector<std::size_t> member_surnames_;  // "Socialist Craxi"
  // Known surnames met alone (token, gazetteer actor), resolved after the
  // person pass; and the spans of people the person pass named.
  std::vector<std::pair<std::size_t, const Actor*>> deferred_surnames_;
  // Known names in a line in capitals that the body writes small, and
  // whether the body writes each word capitalised in mid-sentence.
  std::vector<std::pair<std::size_t, const Actor*>> shouted_matches_;
  std::unordered_map<std::string, bool> body_case_;
  bool body_case_read_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> named_people_;
  std::vector<std::pair<std::size_t, std::size_t>> candidates_;
  std::map<std::string, std::string> acronyms_;
  std::vector<std::size_t> bracketed_acronyms_;  // "(IDB)": token indexes
};

}  // namespace

std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer) {
  return Extractor(title, text, gazetteer).run();
}

}  // namespace newsdex
