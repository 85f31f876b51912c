// Exact counts for --collapse: how many near-duplicate groups, and how many
// articles, match a query, over all matches and not just the page shown.
#ifndef NEWSDEX_SEARCHER_COLLAPSE_COUNT_H_
#define NEWSDEX_SEARCHER_COLLAPSE_COUNT_H_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>

#include "searcher/facets.h"

namespace newsdex {

// Counts the distinct near-duplicate groups (schema::kDuplicateGroupSlot)
// among the matches, as facets count values: Xapian's own total under
// Enquire::set_collapse_key() is an estimate that depends on the page
// asked for. Match spies see every match before collapsing, so the counts
// hold whatever the page. Register before Enquire::get_mset(), which must
// be called with check_at_least >= the database's document count.
class GroupCounter {
 public:
  // `portable` counts with Xapian's ValueCountMatchSpy, which also runs on
  // remote shards; otherwise `db`, when not null and a single local
  // database, lets the spy read the value stream (see SlotReader); it must
  // outlive the counter.
  GroupCounter(const Xapian::Database* db, bool portable);
  void register_with(Xapian::Enquire& enquire);

  // The groups among the matches (an article without a group key, as in
  // databases older than duplicate detection, is its own group), and the
  // matching articles. groups() <= articles().
  std::size_t groups() const;
  std::size_t articles() const;

 private:
  class Spy : public Xapian::MatchSpy {
   public:
    explicit Spy(const Xapian::Database* db);
    void operator()(const Xapian::Document& doc, double weight) override;
    SlotReader read_;
    std::unordered_set<std::string> keys_;
    std::size_t articles_ = 0, without_key_ = 0;
  };
  std::unique_ptr<Spy> spy_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> portable_spy_;
};

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_COLLAPSE_COUNT_H_
