// The actor extractor's state and passes, shared by the files that
// implement them: actor_extractor.cc (headline reading, gazetteer,
// names in capitals), actor_org_passes.cc (organisations, units,
// acronyms) and actor_person_passes.cc (people, surnames, single
// names). Internal to indexer/extract; the API is actor_extractor.h.
#ifndef NEWSDEX_INDEXER_EXTRACT_ACTOR_PASSES_H_
#define NEWSDEX_INDEXER_EXTRACT_ACTOR_PASSES_H_

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/actors.h"
#include "indexer/extract/actor_names.h"
#include "indexer/extract/actor_tokens.h"
#include "indexer/extract/name_words.h"

namespace newsdex::actor_detail {

inline bool in(WordList list, const std::string& folded) {
  return NameWords::builtin().has(list, folded);
}

inline bool is_said(const Token& t) { return in(WordList::kSaid, t.folded); }

// A capitalised word that can be part of a person's name.
inline bool nameish(const Token& t) {
  return t.capitalised && !t.shout && !t.all_caps && !t.number && !t.denied &&
         !t.unconfirmed && t.folded.size() >= 2 &&
         !in(WordList::kNotName, t.folded) && !in(WordList::kTitle, t.folded) &&
         !in(WordList::kOrg, t.folded);
}

// "." then at most white space with one line break.
inline bool dotted_gap(const std::string& gap) {
  return !gap.empty() && gap[0] == '.' &&
         gap.find_first_not_of(" \t\r\n", 1) == std::string::npos &&
         std::count(gap.begin(), gap.end(), '\n') <= 1;
}

// A single capital letter written as an initial ("George W. Bush").
inline bool is_initial(const Token& t) {
  return t.text.size() == 1 && t.capitalised && !t.shout && dotted_gap(t.gap);
}

// Initials written as a word: "A", "A.B", "H.R" (a dot follows).
inline bool is_initials(const Token& t) {
  const std::string& s = t.text;
  if (s.empty() || s.size() > 5 || s.size() % 2 == 0) return false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    bool letter = s[k] >= 'A' && s[k] <= 'Z';
    if (k % 2 == 0 ? !letter : s[k] != '.') return false;
  }
  return true;
}

// One article's extraction: its tokens, what each pass has used, and
// the actors found so far. run() applies the passes in order.
class Extractor {
 public:
  Extractor(std::string_view title, std::string_view text,
            const ActorGazetteer& gazetteer);
  std::vector<Actor> run();

 private:
  const Token& tok(std::size_t i) const { return tokens_[i]; }
  std::size_t size() const { return tokens_.size(); }
  void mark(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) used_[k] = true;
  }

  // actor_extractor.cc: headlines, the gazetteer, names in capitals.
  void read_title_case();
  void skip_sign_off();
  void gazetteer_pass();
  void national_body_pass();
  bool defined_otherwise(std::size_t i, const Actor& known) const;
  bool defined_in_text(std::size_t i, const Actor& known) const;
  bool written_small(std::size_t from, std::size_t length);
  void resolve_shouted_matches();
  void shouted_headline_names();

  // actor_org_passes.cc: organisations, units, party adjectives, acronyms.
  void skip_seats();
  void party_adjective_pass();
  void unit_pass();
  bool acts_as_organisation(std::size_t i) const;
  bool org_span_token(std::size_t j) const;
  bool joins(std::size_t j) const;
  std::size_t words_since(std::size_t from, std::size_t to) const;
  void organisation_pass();
  const Actor* find_org(const std::string& name) const;
  void definite_org_pass();
  void descriptor_pass();
  bool same_as_found_org(const std::string& key) const;
  bool initials_of_found_org(const std::string& acronym) const;
  static bool is_initialism(const std::string& acronym,
                            const std::string& name);
  void maybe_acronym(std::size_t last, const std::string& name);
  void acronym_definitions();

  // actor_person_passes.cc: people, surnames, single names.
  void named_by_role_pass();
  std::size_t name_run_end(std::size_t from, bool given_first) const;
  bool has_age_after(std::size_t end) const;
  bool has_role_apposition(std::size_t end) const;
  void add_person(std::size_t from, std::size_t to, std::size_t at);
  void person_pass();
  void resolve_deferred_surnames();
  const Actor* found_by_key(const std::string& name) const;
  void resolve_titled_surnames();
  void resolve_surname(std::size_t at, bool titled);
  const Actor* person_with_surname(const std::string& key) const;
  const Actor* person_with_given_name(const std::string& key) const;
  bool part_of_found_name(const std::string& key) const;
  void single_name_pass();

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

}  // namespace newsdex::actor_detail

#endif  // NEWSDEX_INDEXER_EXTRACT_ACTOR_PASSES_H_
