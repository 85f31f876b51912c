// Tests for common/source_name.cc.
#include "common/source_name.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("source_key folds spelling variants of one name") {
  CHECK(source_key("SBS News") == "sbsnews");
  CHECK(source_key("sbs news") == "sbsnews");
  CHECK(source_key("  SBS-News ") == "sbsnews");
  CHECK(source_key("The Taipei Times") == "taipeitimes");
  CHECK(source_key("www.rferl.org") == "rferlorg");
  CHECK(source_key("Le Monde Diplomatique") == "lemondediplomatique");
  CHECK(source_key("Ouest-France") == source_key("ouest france"));
  CHECK(source_key("Café Babel") == "cafebabel");
  CHECK(source_key("Reuters") != source_key("Reuters Health"));
}

TEST_CASE("site_of_url takes the host without www and port") {
  CHECK(site_of_url("https://www.bbc.co.uk/news/60554910") == "bbc.co.uk");
  CHECK(site_of_url("http://user@Example.COM:8080/x?y#z") == "example.com");
  CHECK(site_of_url("rferl.org/a") == "");
  CHECK(site_of_url("") == "");
}

TEST_CASE("display_source falls back to the URL's site, then unknown") {
  CHECK(display_source(" AnewZ ", "https://anewz.tv/x") == "AnewZ");
  CHECK(display_source("", "https://www.rferl.org/a") == "rferl.org");
  CHECK(display_source("", "") == "unknown");
}

}  // namespace newsdex
