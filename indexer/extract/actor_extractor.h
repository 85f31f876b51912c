// Actor extraction: the people and organisations an article names, each
// under one canonical name, found with the gazetteer of well-known actors
// (common/actors.h) and heuristics for names it lacks.
#ifndef NEWSDEX_INDEXER_EXTRACT_ACTOR_EXTRACTOR_H_
#define NEWSDEX_INDEXER_EXTRACT_ACTOR_EXTRACTOR_H_

#include <string_view>
#include <vector>

#include "common/actors.h"

namespace newsdex {

// The actors named in an article's title and text, in order of first
// mention, each once. In order of trust: gazetteer names; organisation
// names ending in an organisation word ("Continental Grain Co", "Bank of
// Korea") or defined as an acronym ("... Party (UKIP)"); people named
// after a title or role ("Kremlin spokesman Dmitry Peskov"), with a given
// name ("Joss Stone"), next to "said", or with an age ("Luke Tomlinson,
// 27"); a surname after a title ("Mr Walkington") resolved to the full
// name anywhere in the article; acronyms and single names that act as
// subjects ("Southcorp said") as organisations. Lines in capitals (wire
// headlines) count only for gazetteer names. Thread-safe.
std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_ACTOR_EXTRACTOR_H_
