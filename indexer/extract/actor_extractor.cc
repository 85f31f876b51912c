// Actor extraction over word tokens: gazetteer matches first, then
// organisation names, then people (titles, given names, "said", ages),
// then surnames and single names resolved against the whole article.
// This file: the order of the passes, headlines (Title Case, capitals,
// outlets' suffixes and sign-offs) and the gazetteer pass.
#include "indexer/extract/actor_extractor.h"

#include "common/text_utf8.h"
#include "indexer/extract/actor_passes.h"

namespace newsdex::actor_detail {

Extractor::Extractor(std::string_view title, std::string_view text,
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

std::vector<Actor> Extractor::run() {
  gazetteer_pass();
  national_body_pass();
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

// A headline in Title Case ("Sarah Palin Is Running For Office") says
// nothing by its capitals: each capitalised word is read with what the
// body says of it. Written small in the body: not a name word
// ("denied"); capitalised in mid-sentence there, a given name, or a known
// name: a name word; else "unconfirmed": only the surname after a given
// name ("Peter Navarro Ripped" -> Peter Navarro).
void Extractor::read_title_case() {
  std::size_t words = 0, capitalised = 0, small_capitalised = 0;
  for (std::size_t k = 0; k < title_end_; ++k) {
    // A line in capitals is read after the passes: written_small(),
    // shouted_headline_names().
    if (tok(k).shout) return;
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
void Extractor::skip_sign_off() {
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
void Extractor::gazetteer_pass() {
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
      bool and_more = of_form && folded_[after] == "and" &&
                      tok(after).joined_to_next && after + 1 < size() &&
                      tok(after + 1).capitalised && !tok(after + 1).shout &&
                      !used_[after + 1] &&
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
        i + 1 < size() && tok(i - 1).joined_to_next && tok(i).joined_to_next &&
        nameish(tok(i - 1)) && !used_[i - 1] && !tok(i - 1).possessive &&
        !tok(i - 1).sentence_start && !in(WordList::kPlace, folded_[i - 1]) &&
        org_span_token(i + 1) && in(WordList::kOrg, folded_[i + 1])) {
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
    found_.add(*a, i, join_text(tokens_, i, i + length));
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

// "adviser to the Treasury": a state body every country names alike,
// named bare, is the body of the country the article is about, by its
// cues (name_words [country_cue]: "British", "Westminster"; "American",
// "Congress"), when one country has more than any other; else it is left
// to the other passes. After a nationality it is that nation's ("the
// Italian Treasury").
void Extractor::national_body_pass() {
  const NameWords& words = NameWords::builtin();
  if (std::none_of(folded_.begin(), folded_.end(), [&](const std::string& f) {
        return words.is_national_body(f);
      })) {
    return;
  }
  std::map<std::string, std::size_t> cues;
  for (const Token& t : tokens_) {
    if (!t.capitalised) continue;
    if (const std::string* c = words.country_cue(t.folded)) ++cues[*c];
  }
  std::string country;
  std::size_t most = 0, second = 0;
  for (const auto& [c, n] : cues) {
    if (n > most) {
      second = most;
      most = n;
      country = c;
    } else if (n > second) {
      second = n;
    }
  }
  bool one_country = most > 0 && most > second;
  for (std::size_t i = 0; i < size(); ++i) {
    if (used_[i] || !tok(i).capitalised || tok(i).shout ||
        !words.is_national_body(folded_[i])) {
      continue;
    }
    // "the Italian Treasury": a nationality names the country's body.
    // (Not the end of a longer place: "New South Wales Treasury".)
    if (i > 0 && tok(i - 1).joined_to_next && tok(i - 1).capitalised &&
        !used_[i - 1] && in(WordList::kPlace, folded_[i - 1]) &&
        (i < 2 || !tok(i - 2).joined_to_next || !tok(i - 2).capitalised ||
         in(WordList::kFunction, folded_[i - 2]))) {
      std::string name = tok(i - 1).text + " " + tok(i).text;
      const Actor* known = gazetteer_.find(name);
      found_.add(known ? *known : Actor{name, ActorType::kOrg}, i - 1);
      mark(i - 1, i + 1);
      continue;
    }
    if (!one_country || tok(i).sentence_start) continue;
    bool after_name = i > 0 && tok(i - 1).joined_to_next &&
                      tok(i - 1).capitalised && !tok(i - 1).sentence_start;
    bool before_name =
        tok(i).joined_to_next && i + 1 < size() && tok(i + 1).capitalised;
    if (after_name || before_name) continue;
    const std::string* body = words.national_body(folded_[i], country);
    const Actor* a = body ? gazetteer_.find(*body) : nullptr;
    if (a == nullptr) continue;
    found_.add(*a, i);
    used_[i] = true;
  }
}

// Whether the article defines the acronym at `i` (here or at another
// mention) as a name that is not the gazetteer's `known`.
bool Extractor::defined_otherwise(std::size_t i, const Actor& known) const {
  for (std::size_t k : bracketed_acronyms_) {
    if (folded_[k] == folded_[i] && defined_in_text(k, known)) return true;
  }
  return false;
}

// Whether the acronym at `i` is written in brackets after a name it is
// the initials of, which is not a name of the gazetteer's `known`:
// "Islamic Development Bank (IDB)" is not the Inter-American Development
// Bank.
bool Extractor::defined_in_text(std::size_t i, const Actor& known) const {
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

// Whether the body (outside lines in capitals) writes every word of
// [from, from + length) that can name something only in lower case,
// never capitalised in mid-sentence; a lone function word ("WHO") is
// written small unless the body writes it capitalised. A body that
// starts a fifth of its sentences small has been written in lower case
// ("venezuela may turn to the international monetary fund"), as has
// one that writes places small ("bolivia's", twice or in more than a
// fifth of their mentions): its case says nothing.
bool Extractor::written_small(std::size_t from, std::size_t length) {
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
void Extractor::resolve_shouted_matches() {
  for (const auto& [at, known] : shouted_matches_) {
    if (const Actor* a = found_by_key(known->name)) found_.add(Actor(*a), at);
  }
}

// A headline in capitals names, by the words the body confirms, the
// actors the body names: "DOUGLAS" for Roger Douglas, "WIDGETCO" for
// Widgetco Inc, an acronym the body defines. They are mentioned first
// in the headline; no new actor comes from capitals.
void Extractor::shouted_headline_names() {
  if (title_end_ == 0 || !tok(0).shout) return;
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

}  // namespace newsdex::actor_detail

namespace newsdex {

std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer) {
  return actor_detail::Extractor(title, text, gazetteer).run();
}

}  // namespace newsdex
