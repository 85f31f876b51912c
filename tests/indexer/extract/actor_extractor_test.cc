// Tests for indexer/extract/actor_extractor.cc: gazetteer matches,
// heuristics, traps.
#include "indexer/extract/actor_extractor.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

// Names in failure messages: "{Giulio Andreotti, Bettino Craxi}".
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& names) {
    std::string out = "{";
    for (const std::string& name : names) {
      out += (out.size() > 1 ? ", " : "") + name;
    }
    return (out + "}").c_str();
  }
};

namespace newsdex {
namespace {

using Names = std::vector<std::string>;

// The actors of an article with the built-in gazetteer, in order.
Names titled(std::string_view title, std::string_view text) {
  static const ActorGazetteer kGazetteer = ActorGazetteer::with_builtin_table();
  Names out;
  for (const Actor& a : extract_actors(title, text, kGazetteer))
    out.push_back(a.name);
  return out;
}

Names names(std::string_view text) { return titled("", text); }

// A text, or a headline and a body, and the actors expected of it.
struct TextCase {
  const char* text;
  Names expected;
};
struct HeadlineCase {
  const char* title;
  const char* text;
  Names expected;
};

void check_names(const std::vector<TextCase>& cases) {
  for (const TextCase& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(names(c.text) == c.expected);
  }
}

void check_titled(const std::vector<HeadlineCase>& cases) {
  for (const HeadlineCase& c : cases) {
    std::string title = c.title, text = c.text;
    CAPTURE(title);
    CAPTURE(text);
    CHECK(titled(c.title, c.text) == c.expected);
  }
}

}  // namespace

TEST_CASE("spellings of a known actor give one canonical name") {
  check_names({
      {"Zelensky met Zelenskyy's aides; Zelenskiy spoke.",
       {"Volodymyr Zelenskyy"}},
      {"President Volodymyr Zelensky said so.", {"Volodymyr Zelenskyy"}},
      {"President Zelensky of Ukraine spoke.", {"Volodymyr Zelenskyy"}},
      {"Jean-Noel Barrot visited. Later Jean-Noël Barrot left.",
       {"Jean-Noël Barrot"}},
      {"Kremlin spokesman Dmitry Peskov said Putin would wait.",
       {"Kremlin", "Dmitry Peskov", "Vladimir Putin"}},
      {"Medinsky's team arrived in Istanbul.", {"Vladimir Medinsky"}},
      {"NATO and the White House disagreed.", {"NATO", "White House"}},
  });
}

TEST_CASE("titles and 'said' find people the gazetteer lacks") {
  CHECK(names("Foreign Minister Hakan Fidan hosted envoy Keith Kellogg.") ==
        Names{"Hakan Fidan", "Keith Kellogg"});
  CHECK(names("The talks were chaired by Deputy Minister Olha Stefanishyna.") ==
        Names{"Olha Stefanishyna"});
  CHECK(names("\"We are ready,\" said Maria Novak, a negotiator.") ==
        Names{"Maria Novak"});
  CHECK(names("Treasury Secretary Jim Maker met Paul Volker, who said rates "
              "would hold.") == Names{"Jim Maker", "Paul Volker"});
  // Hard-wrapped wire copy breaks lines inside names.
  CHECK(names("Fed Chairman Paul\nVolcker told a panel.") ==
        Names{"Federal Reserve", "Paul Volcker"});
  // A surname after a title, unless the full name is there too.
  CHECK(names("Indonesian Energy Minister Subroto said prices would rise.") ==
        Names{"Subroto"});
  CHECK(names("Mr Volker spoke. Later Fed Chairman Paul Volker left.") ==
        Names{"Paul Volker", "Federal Reserve"});
}

TEST_CASE("traps: months, places, sentence starts, nationalities") {
  const char* rows[] = {
      "In May the talks moved to Turkey.",
      "Ships crossed the Black Sea near Odesa.",
      "Under pressure, the delegates met.",
      "Kyiv's position hardened, the US said.",
      "Russian and Ukrainian officials met on Monday.",
  };
  for (const char* text : rows) {
    CAPTURE(text);
    CHECK(names(text).empty());
  }
}

TEST_CASE("given names, ages, particles, hyphens and initials") {
  check_names({
      // A known given name is evidence enough.
      {"The show has featured Joss Stone and Justin Timberlake.",
       {"Joss Stone", "Justin Timberlake"}},
      // A role or an age in apposition.
      {"\"It is real,\" Kwame Osei, a Yukos spokesman, noted.",
       {"Kwame Osei", "Yukos"}},
      // An age in apposition.
      {"Those charged included Otis Ferry and Padraig Tomlinson, 27, a "
       "friend.",
       {"Otis Ferry", "Padraig Tomlinson"}},
      {"Finance Minister Barend du Plessis said talks went well.",
       {"Barend du Plessis"}},
      {"Governor Robin Leigh-Pemberton spoke to EC spokeswoman Marja "
       "Quillinan-Meiland.",
       {"Robin Leigh-Pemberton", "European Community",
        "Marja Quillinan-Meiland"}},
      {"President George W. Bush met Jacques Chirac.",
       {"George W. Bush", "Jacques Chirac"}},
      // A known surname after another given name is someone else.
      {"Jacques Barrot said the rules were fair.", {"Jacques Barrot"}},
  });
}

TEST_CASE("a surname after a title resolves to the full name, even later") {
  CHECK(names("Mr Walkington said he was ready. Sandy Walkington will work "
              "with Mr Taylor.") == Names{"Sandy Walkington", "Taylor"});
  CHECK(names("Yesterday Mr Dein spoke; Arsenal vice-chairman David Dein "
              "agreed.") == Names{"David Dein", "Arsenal"});
}

TEST_CASE("organisation names end in an organisation word") {
  check_names({
      {"Sales went to Continental Grain Co and Richco Grain Co, the official "
       "China Legal News reported.",
       {"Continental Grain Co", "Richco Grain Co", "China Legal News"}},
      {"The awards went to Braxley, Inc and Mitsubishi International Corp.",
       {"Braxley, Inc", "Mitsubishi International Corp"}},
      // A known company's ", Inc" is part of its name, not another one.
      {"The awards went to Cargill, Inc and Mitsubishi International Corp.",
       {"Cargill", "Mitsubishi International Corp"}},
      // "X of Y" names, and an acronym defined in brackets.
      {"The Board of Investments (BOI) said the BOI would decide. The Bank "
       "of Korea agreed.",
       {"Board of Investments", "Bank of Korea"}},
      // "and" between two names ending in organisation words.
      {"The United Auto Workers and American Motors Corp agreed; AMC said "
       "so.",
       {"United Auto Workers", "American Motors Corp"}},
      {"The U.S. Securities and Exchange Commission ruled.",
       {"Securities and Exchange Commission"}},
      {"It replaces Rockwell International and UNC Nuclear Inc at the U.S. "
       "Department of Energy's site, the DOE said.",
       {"Rockwell International", "UNC Nuclear Inc",
        "U.S. Department of Energy"}},
      {"Shares of B.F. Goodrich Co rose; Goodrich shares were held.",
       {"B.F. Goodrich Co"}},
      // A shorter mention of a company found in full adds nothing.
      {"Delta Motors Corp left; the partner of Delta Motors applied.",
       {"Delta Motors Corp"}},
      {"The Oil & Natural Gas Corporation (ONGC) signed. ONGC said so.",
       {"Oil & Natural Gas Corporation"}},
  });
}

TEST_CASE("single names and acronyms that act are organisations") {
  CHECK(names("Winemaker Southcorp said the offer was low. Southcorp's board "
              "agreed.") == Names{"Southcorp"});
  CHECK(names("In the US, food group Kraft cut back.") == Names{"Kraft"});
  CHECK(names("The UAW said talks would resume, UAW vice-president Marc "
              "Stepp said.") == Names{"UAW", "Marc Stepp"});
  // Not organisations: plural acronyms, units, places, sentence openers.
  CHECK(names("MPs said the GDP figures from Kenosha were poor. Analysts said "
              "so too.")
            .empty());
}

TEST_CASE("headlines in capitals are read with what the body says") {
  check_titled({
      // A known acronym that is also a common word counts only when the
      // body names that actor or writes the acronym itself.
      {"WHO WILL LEAD THE PARTY AFTER SMITHERS QUITS",
       "The ruling party needs a leader after John Smithers resigned.",
       {"John Smithers"}},
      {"ICE STORM CLOSES ROADS IN OHIO",
       "An ice storm closed roads across Ohio, police said.",
       {}},
      {"WHO WARNS OF FLU SEASON",
       "The World Health Organization warned of a hard flu season.",
       {"World Health Organization"}},
      {"WHO WARNS OF FLU SEASON",
       "The WHO warned of a hard flu season.",
       {"World Health Organization"}},
      // A body written in lower case says nothing of case.
      {"VENEZUELA MAY ASK IMF FOR CREDITS",
       "venezuela may turn to the international monetary fund for credits, "
       "the minister said. the imf has not replied.",
       {"International Monetary Fund"}},
      {"WORLD BANK OFFICIAL SAYS BOLIVIA SHOULD SEEK GROWTH",
       "A senior world bank official said credits to bolivia's state oil "
       "company would grow. Talks in La Paz went well.",
       {"World Bank"}},
      // Known names the body does not contradict still count.
      {"NATO CHIEF MEETS PUTIN",
       "The alliance's secretary general met the Russian leader.",
       {"NATO", "Vladimir Putin"}},
      // A name the body confirms is that actor, mentioned first in the
      // headline; no word of it makes another actor.
      {"NEW ZEALAND'S DOUGLAS PLANS TAX CUTS",
       "Prime Minister David Lange backed the plan. Finance Minister Roger "
       "Douglas said he plans tax cuts.",
       {"Roger Douglas", "David Lange"}},
      {"WIDGETCO SAYS ACME BID TOO LOW",
       "Acme Corp offered 50 mln dlrs. Widgetco Inc said the bid from Acme "
       "Corp was too low, and Widgetco said it would wait.",
       {"Widgetco Inc", "Acme Corp"}},
      {"YEUTTER PUTS CURRENCY BURDEN ON TAIWAN, VOLCKER SAYS",
       "U.S. Trade Representative Clayton Yeutter said ...",
       {"Clayton Yeutter", "Paul Volcker"}},
      // Capitals alone make no name.
      {"SMITHERS PUTS BURDEN ON BOARD", "The board met.", {}},
  });
}

TEST_CASE("British and American spellings of a name are one actor") {
  CHECK(actor_variant_key("UK Ministry of Defence") ==
        actor_variant_key("UK Ministry of Defense"));
  CHECK(actor_variant_key(
            "Organisation for Economic Co-operation and Development") ==
        actor_variant_key(
            "Organization for Economic Cooperation and Development"));
  CHECK(actor_variant_key("Ukrainian Resistance Centre") ==
        actor_variant_key("Ukrainian Resistance Center"));
  CHECK(actor_variant_key("Defence Council") !=
        actor_variant_key("Defiance Council"));
  CHECK(names("The UK Ministry of Defense said so.") ==
        Names{"UK Ministry of Defence"});
  CHECK(names("The Organization for Economic Co-operation and Development "
              "said so.") ==
        Names{"Organisation for Economic Co-operation and Development"});
}

TEST_CASE("a body named bare is the national body the article names") {
  CHECK(names("The Ministry of Defence of Ukraine reported losses. The "
              "Ministry of Defense said 20 drones were shot down.") ==
        Names{"Ministry of Defence of Ukraine"});
  CHECK(names("Russia's Ministry of Defense reported losses. The Ministry "
              "of Defense said 20 drones were shot down.") ==
        Names{"Russian Ministry of Defence"});
  CHECK(names("The General Staff of the Armed Forces of Ukraine reported "
              "losses. The General Staff said so.") ==
        Names{"General Staff of the Armed Forces of Ukraine"});
  // Alone it stays as named.
  CHECK(names("The Ministry of Defence said troops would stay.") ==
        Names{"Ministry of Defence"});
  CHECK(names("The UK Ministry of Defence said so; the Ministry of Defence "
              "added more.") == Names{"UK Ministry of Defence"});
  // Beside two national bodies of that name it is neither.
  CHECK(names("The Russian Ministry of Defence and the Ministry of Defence "
              "of Ukraine disagreed; the Ministry of Defence said so.") ==
        Names{"Russian Ministry of Defence", "Ministry of Defence of Ukraine"});
  // Named otherwise (a known alias), or no state body, it stays apart.
  CHECK(names("The UK Ministry of Defence said Russia's Ministry of Defense "
              "lied.") ==
        Names{"UK Ministry of Defence", "Russian Ministry of Defence"});
  CHECK(names("The Scottish Labour Party and the Labour Party met.") ==
        Names{"Scottish Labour Party", "Labour Party"});
}

TEST_CASE("the Treasury is the country's the article is about") {
  CHECK(names("Ed Balls, ex-chief economic adviser to the Treasury, said "
              "Labour would not spend it. British voters agreed.") ==
        Names{"Ed Balls", "HM Treasury", "Labour Party"});
  CHECK(names("The Treasury said the American economy grew; Washington "
              "agreed.") == Names{"U.S. Treasury"});
  // Another country's treasury: as written.
  CHECK(names("The Italian Treasury said it would offer bonds.") ==
        Names{"Italian Treasury"});
  CHECK(names("The New South Wales Treasury said so.") == Names{});
}

TEST_CASE("round 7: units in the plural, bodies after 'the', roles") {
  check_names({
      {"Elements of the 76th and 106th Airborne Assault Divisions and 22nd "
       "Army Corps withdrew.",
       {"76th Airborne Assault Division", "106th Airborne Assault Division",
        "22nd Army Corps"}},
      // "Shares of B.F. Goodrich" leads in; "the Victims of Crime Trust"
      // is a name.
      {"But director of the Victims of Crime Trust, Norman Brennan, "
       "disagreed.",
       {"Victims of Crime Trust", "Norman Brennan"}},
      {"Gayle Trotter's argument earned cackles from journalist A.B. "
       "Stoddard.",
       {"Gayle Trotter", "A.B. Stoddard"}},
      // Known bodies the gazetteer gained in round 7.
      {"Britain's Foreign, Commonwealth and Development Office says so.",
       {"Foreign Office"}},
      {"The Ukrainian President\u2019s Office said so, according to BFM "
       "TV.",
       {"Office of the President of Ukraine", "BFM TV"}},
      {"The Royal Fleet Auxiliary ship Diligence arrived.",
       {"Royal Fleet Auxiliary"}},
  });
}

TEST_CASE("actor keys fold case, accents and punctuation") {
  CHECK(actor_key("Jean-Noël Barrot") == "jean-noel-barrot");
  CHECK(actor_key("Jean-Noel  Barrot") == "jean-noel-barrot");
  CHECK(actor_key("U.S. Treasury") == "u-s-treasury");
}

TEST_CASE("user tables add actors, the gazetteer resolves any alias") {
  ActorGazetteer g = ActorGazetteer::with_builtin_table();
  auto errors =
      g.add_table("Olena Zelenska\tperson\tZelenska\nbad line\n", "mine.tsv");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("mine.tsv:2") == 0);
  REQUIRE(g.find("zelenska") != nullptr);
  CHECK(g.find("zelenska")->name == "Olena Zelenska");
  CHECK(g.find("ZELENSKIY")->name == "Volodymyr Zelenskyy");
  CHECK(g.find("Nobody Known") == nullptr);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("alias groups read straight from a table match the gazetteer's") {
  CHECK(actor_alias_groups(builtin_actor_table()) ==
        ActorGazetteer::with_builtin_table().alias_groups());
  std::string table =
      "Kyiv City Council\torg\tKyiv council\t--\n"
      "bad line without a type\n"
      "Jane Roe\tperson\n"
      "Acme\tthing\tAcme Inc\n";
  ActorGazetteer g;
  auto errors = g.add_table(table, "mine.tsv");
  CHECK(errors.size() == 2);
  auto groups = actor_alias_groups(table);
  CHECK(groups == g.alias_groups());
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] ==
        std::vector<std::string>{"Kyiv City Council", "Kyiv council"});
  CHECK(groups[1] == std::vector<std::string>{"Jane Roe"});
}

// The cases of issue 14, as headline + text -> the actors expected.
TEST_CASE("war news: ranks, places and titles are never part of a name") {
  check_titled({
      // "General Staff": a rank word then "Staff" is no person.
      {"",
       "The General Staff of the Armed Forces of Ukraine reported losses.",
       {"General Staff of the Armed Forces of Ukraine"}},
      {"",
       "Chief of the General Staff Valery Gerasimov was seen.",
       {"General Staff", "Valery Gerasimov"}},
      {"",
       "Chechen Head Ramzan Kadyrov said his men were ready.",
       {"Ramzan Kadyrov"}},
      {"",
       "Adviser to the Mariupol mayor Petro Andryushchenko said so.",
       {"Petro Andryushchenko"}},
      // Transliterations of one person are one actor.
      {"",
       "Yevgeniy Prigozhin spoke. Evgeniy Prigozhin later denied it.",
       {"Yevgeny Prigozhin"}},
      {"",
       "Valeriy Gerasimov met Valery Gerasimov's staff.",
       {"Valery Gerasimov"}},
      {"", "Defence minister Serhiy Shoigu spoke.", {"Sergei Shoigu"}},
      // A given name alone beside the full name is that person.
      {"",
       "President Volodymyr Zelenskyy spoke. Later President Volodymyr "
       "said talks would go on.",
       {"Volodymyr Zelenskyy"}},
      // Countries, facilities and weapons are not actors.
      {"",
       "The Russian Federation moved HIMARS near the ZNPP, the IAEA said.",
       {"International Atomic Energy Agency"}},
      // A country's government named by the country is the country.
      {"", "The Russian Government met at the Kremlin.", {"Kremlin"}},
      // A company named by a common word acts, or is not one.
      {"", "Total number of captives reached 1,730.", {}},
      // An acronym and its expansion are one actor.
      {"",
       "The International Atomic Energy Agency (IAEA) said the IAEA "
       "would stay.",
       {"International Atomic Energy Agency"}},
  });
}

TEST_CASE("headlines: possessives, Title Case, outlets' suffixes") {
  check_titled({
      {"Ukraine's Zelenskiy tells EU to hurry",
       "",
       {"Volodymyr Zelenskyy", "European Union"}},
      {"France's Macron calls for calm", "", {"Emmanuel Macron"}},
      {"Russia's Lavrov says talks stalled", "", {"Sergei Lavrov"}},
      // Title Case: words the body writes small, or never confirms, are
      // not names; the surname after a given name is.
      {"Peter Navarro Ripped For Claim About Tariffs",
       "The adviser made a claim about tariffs that was ripped apart.",
       {"Peter Navarro"}},
      {"Sarah Palin Is Running Again",
       "She is running for Congress.",
       {"Sarah Palin", "Congress"}},
      {"Paul Manafort Appears In Wheelchair At Court",
       "He appears to be in poor health.",
       {"Paul Manafort"}},
      {"Candidates Who Called Out Extremism After Attack",
       "Many of them called it out.",
       {}},
      // Censor.NET's suffix and a Ukrinform sign-off.
      {"Kyiv News: shelling continues (21.09.22 17:52) \xC2\xAB War in "
       "Ukraine | Censor.NET",
       "Shelling continued overnight. View news.",
       {}},
      {"",
       "Shelling continued overnight, the regional governor said. — "
       "Ukrinform.",
       {}},
  });
}

TEST_CASE("name_spelling_key makes transliterations alike") {
  CHECK(name_spelling_key("zelenskyy") == name_spelling_key("zelenskiy"));
  CHECK(name_spelling_key("zelensky") == name_spelling_key("zelenskyi"));
  CHECK(name_spelling_key("yevgeniy") == name_spelling_key("evgeny"));
  CHECK(name_spelling_key("valeriy") == name_spelling_key("valery"));
  CHECK(name_spelling_key("ramzan") != name_spelling_key("roman"));
}

TEST_CASE("a surname that is also a given name is not merged by spelling") {
  // Michael Martin (the Speaker) is not Micheál Martin.
  Names got = titled("", "Speaker Michael Martin said the House would sit.");
  CHECK(got == Names{"Michael Martin"});
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("a known surname alone is the article's own person of that name") {
  static const ActorGazetteer kGazetteer = ActorGazetteer::with_builtin_table();
  auto got = extract_actors(
      "", "First Minister Jack McConnell spoke. Mr McConnell went on.",
      kGazetteer);
  REQUIRE(got.size() == 1);
  CHECK(got[0].name == "Jack McConnell");
  // Without a full name in the article, the gazetteer's person.
  got = extract_actors("", "Then McConnell said no.", kGazetteer);
  REQUIRE(got.size() == 1);
  CHECK(got[0].name == "Mitch McConnell");
}

TEST_CASE("organisation names: unions, units, groups 'on', offices, seats") {
  check_names({
      // A plural possessive inside a name ("Workers' Union").
      {"Members of the Transport and General Workers' Union voted to strike.",
       {"Transport and General Workers' Union"}},
      // An organisation ends before the person named after it.
      {"An adviser to the Moldovan Ministry of Internal Affairs Vadym "
       "Popescu stated that strikes went on.",
       {"Moldovan Ministry of Internal Affairs", "Vadym Popescu"}},
      {"Adviser to the Ukrainian Ministry of Internal Affairs Vadym "
       "Denysenko stated that strikes went on.",
       {"Ministry of Internal Affairs of Ukraine", "Vadym Denysenko"}},
      // A surname alone in another spelling of a known person's name.
      {"Ukrainian Air Force Spokesperson Yuriy Ignat spoke. Ignat stated "
       "that missiles flew.",
       {"Ukrainian Air Force", "Yuriy Ihnat"}},
      // Party members in the plural are the party; the Senate in US news.
      {"Senate Democrats are asking the nominee.",
       {"U.S. Senate", "Democratic Party"}},
      // An adjective made of a known organisation's name names it.
      {"The GOP-led committee met Kremlin-backed and Russian-backed groups.",
       {"Republican Party", "Kremlin"}},
      // Ukrainian given names in their usual spellings.
      {"Air Force spokesman Yuriy Ihnat and Mykhailo Podolyak met Olena "
       "Kovalenko.",
       {"Yuriy Ihnat", "Mykhailo Podolyak", "Olena Kovalenko"}},
      // Military units: "of the" between two units makes two names, and a
      // nationality before the number is not part of either.
      {"Elements of the Russian 3rd Motorized Rifle Division of the 20th "
       "Combined Arms Army attacked.",
       {"3rd Motorized Rifle Division", "20th Combined Arms Army"}},
      {"A battalion of the 26th Tank Regiment of the 47th Guards Tank "
       "Division has 30 men.",
       {"26th Tank Regiment", "47th Guards Tank Division"}},
      // A unit's abbreviation after its number is the unit in full; two
      // numbers before one unit name are two units.
      {"Russian forces of the 2nd CAA, 41st CAA, and 90th Tank Division "
       "attacked.",
       {"2nd Combined Arms Army", "41st Combined Arms Army",
        "90th Tank Division"}},
      {"The 36th Combined Arms Army moved. The 36th CAA reached Bucha.",
       {"36th Combined Arms Army"}},
      {"Elements of the 58th CAA and 117th Naval Infantry Regiment landed.",
       {"58th Combined Arms Army", "117th Naval Infantry Regiment"}},
      {"The 1st and 2nd Army Corps attacked near Avdiivka.",
       {"1st Army Corps", "2nd Army Corps"}},
      {"Fighters of the National Defense Militia and 5th Corps held.",
       {"National Defense Militia", "5th Corps"}},
      // A body named after a defined acronym is named with it.
      {"The Ukrainian Southern Operational Command said so.",
       {"Operational Command South"}},
      {"A Luhansk People\u2019s Republic (LNR) People\u2019s Militia officer "
       "said so.",
       {"LNR People\u2019s Militia"}},
      {"Troops of the 20th Guards CAA and the 3rd MRD advanced.",
       {"20th Guards Combined Arms Army", "3rd Motorized Rifle Division"}},
      // A place in the plural possessive is not part of the name after it.
      {"The Philippines' Board of Investments approved it.",
       {"Board of Investments"}},
      // "Group on", "Committee on": the subject is part of the name.
      {"The Parliamentary Group on Betting and Gaming held an inquiry.",
       {"Parliamentary Group on Betting and Gaming"}},
      // "Office of the Deputy Prime Minister" is an office, not a person.
      {"The committee scrutinising the Office of the Deputy Prime Minister "
       "reported.",
       {"Office of the Deputy Prime Minister"}},
      {"MPs scrutinising the Office for the Deputy Prime Minister, "
       "responsible for housing, said so.",
       {"Office for the Deputy Prime Minister"}},
      {"The Hansard Society and the Department for Education and Skills "
       "run it; the Ministry of Defence and NATO agreed.",
       {"Hansard Society", "Department for Education and Skills",
        "Ministry of Defence", "NATO"}},
      // A name may end the text.
      {"The bill went to the Budget Committee", {"Budget Committee"}},
      // Centres and coalitions.
      {"In a report for the Foreign Policy Centre think tank, he says so. "
       "Andrew Ryder, of the Traveller Law Reform Coalition, said: \"We "
       "welcome it\".",
       {"Foreign Policy Centre", "Andrew Ryder",
        "Traveller Law Reform Coalition"}},
      // A known name followed by an organisation word names something else.
      {"In a statement, the Welsh Assembly Government said it was "
       "unacceptable.",
       {"Welsh Assembly Government"}},
      // A seat is a place: "Archbishop of Canterbury", "MP for Sheppey".
      {"The Archbishop of Canterbury said: \"I am pleased\". The MP for "
       "Sittingbourne and Sheppey said the budget would help.",
       {}},
      // "Min" is short for minister.
      {"Russia's Deputy Foreign Min says the plant is safe.", {}},
  });
}

TEST_CASE("a double surname after a title is the person named in full") {
  CHECK(names("Mrs Harding Greene arrived. Later Alice Harding Greene "
              "smiled.") == Names{"Alice Harding Greene"});
  CHECK(names("Iain Duncan Smith spoke; Mr Duncan Smith said so.") ==
        Names{"Iain Duncan Smith"});
  // Laws and titles are no people.
  CHECK(names("Jim Crow laws ended. The Queen Consort waved.").empty());
}

TEST_CASE("a party's adjective standing alone names the party") {
  check_names({
      {"Republican outrage over the withdrawal grew.", {"Republican Party"}},
      {"The challenge for Democratic leaders is the bill.",
       {"Democratic Party"}},
      {"Democrat Ted Lieu played the audio.", {"Democratic Party", "Ted Lieu"}},
      {"The Illinois Democrat said no.", {"Democratic Party"}},
      {"Republican Sen. Lindsey Graham spoke.",
       {"Republican Party", "Lindsey Graham"}},
      // Inside a longer name it names no party.
      {"Troops entered the Democratic Republic of Congo.", {}},
      {"The Democratic National Committee met.",
       {"Democratic National Committee"}},
      {"The Democratic Justice Party won.", {"Democratic Justice Party"}},
      {"Social Democratic leaders met in Berlin.", {}},
      {"The Republican Guard moved north.", {"Republican Guard"}},
      // A member noun ends the words before a person's name: they are no
      // part of it ("Christian" is also a given name).
      {"Prime minister-designate Christian Democrat Giulio Andreotti said "
       "he would try.",
       {"Giulio Andreotti"}},
      {"Socialist Bettino Craxi said he would stay.", {"Bettino Craxi"}},
      {"Veteran politician Giulio Andreotti quit. Christian Democrat "
       "Andreotti told reporters so.",
       {"Giulio Andreotti"}},
      {"Delegates of the Socialist International met.",
       {"Socialist International"}},
      {"Republican Senators Phil Gramm and Warren Rudman wrote it.",
       {"Republican Party", "Phil Gramm", "Warren Rudman"}},
  });
  // In a Title Case headline too, unless the body writes the word small.
  CHECK(
      titled("Conservative Senate Democrat Who Backs Trump Wins",
             "Sen. Joe Manchin has voted with Trump.") ==
      Names{"U.S. Senate", "Democratic Party", "Donald Trump", "Joe Manchin"});
  CHECK(titled("Democratic Reforms Stall In Parliament",
               "The democratic reforms stalled.") == Names{});
}

TEST_CASE("organisation names: seats, 'Against', 'of' for 'for', acronyms") {
  check_names({
      // "Parliament for" a place is a seat.
      {"Mr Blunkett entered Parliament for Sheffield Brightside in 1987.",
       {"Blunkett"}},
      {"Mike Hobday, of the League Against Cruel Sports, said it was "
       "simple.",
       {"Mike Hobday", "League Against Cruel Sports"}},
      // The gazetteer's "Office for National Statistics".
      {"In March the Office of National Statistics reclassified spending.",
       {"Office for National Statistics"}},
      // Defined by a known acronym that is not its initials: that body.
      {"The Ukrainian Directorate of Intelligence (GUR) reported looting.",
       {"Main Intelligence Directorate of Ukraine"}},
      // Defined by its own initials, an acronym the gazetteer gives to
      // another body is this one, at every mention.
      {"The Islamic Development Bank (IDB) approved loans. The IDB said so.",
       {"Islamic Development Bank"}},
      // A nationality before the region that names a body is not part of
      // it; a one-word place may be.
      {"Few are treated in Crimea.[67] Ukrainian Kherson Oblast Military "
       "Administration Advisor Serhiy Khlan spoke.",
       {"Kherson Regional Military Administration", "Serhiy Khlan"}},
      {"The Saudi Arabian Monetary Agency said rates would hold.",
       {"Saudi Arabian Monetary Agency"}},
      // Acronyms that are no organisations.
      {"Pupils get two hours of PE a week. Training for PE teachers lags. "
       "Partisans planted an IED. The IED exploded.",
       {}},
  });
  // A word after a Title Case headline's unconfirmed word is no part of
  // its name.
  CHECK(titled("Biden Accused Of Assaulting Senate Aide",
               "He denied that he assaulted her.") ==
        Names{"Joe Biden", "U.S. Senate"});
}

TEST_CASE("'the Commission' is the commission the article's bodies imply") {
  CHECK(names("The UK wants the EU budget capped; the Commission wants "
              "more.") == Names{"European Union", "European Commission"});
  CHECK(names("The Electoral Commission met. Later the Commission said "
              "so.") == Names{"Electoral Commission"});
  // Without a body to resolve it, nothing.
  CHECK(names("He told the Commission it was wrong.").empty());
}

TEST_CASE("a run of names after an organisation descriptor is one") {
  check_names({
      {"Local news outlet Mariupol Resistance reported an attack.",
       {"Mariupol Resistance"}},
      {"Roger Bennett, head of industry body ELSPA, said bans were wrong.",
       {"Roger Bennett", "ELSPA"}},
      {"He advised British energy firm Burren Energy on the deal.",
       {"Burren Energy"}},
      // Descriptors that also introduce people, ships or things.
      {"Hollywood producer Burt Sugarman made a bid.", {}},
      {"The aircraft carrier Kitty Hawk sailed.", {}},
      {"The company's Taj Mahal casino opened.", {}},
      // A capitalised descriptor is part of a name.
      {"Retailers including HMV, Body Shop and Tesco reported sales.",
       {"Tesco"}},
  });
}

TEST_CASE("an organisation named shorter or in another spelling is one") {
  CHECK(names("Talks with Powys Health Board went on. Andy Williams, chief "
              "executive of Powys Local Health Board, said no.") ==
        Names{"Powys Local Health Board", "Andy Williams"});
  CHECK(names("The Trades Union Congress met. If the Trade Unions Congress "
              "get their way, firms close.") == Names{"Trades Union Congress"});
  // A company's formal name is its own.
  CHECK(names("Bank of Tokyo Ltd and Bank of Tokyo International Ltd "
              "agreed.") ==
        Names{"Bank of Tokyo Ltd", "Bank of Tokyo International Ltd"});
}

TEST_CASE("names before an organisation's chairman or a small 'party'") {
  // The organisations only: the old rules took a speaker's employer for a
  // person ("said Stop Stansted Expansion chairman").
  auto orgs = [](std::string_view text) {
    static const ActorGazetteer kGazetteer =
        ActorGazetteer::with_builtin_table();
    Names out;
    for (const Actor& a : extract_actors("", text, kGazetteer)) {
      if (a.type == ActorType::kOrg) out.push_back(a.name);
    }
    return out;
  };
  struct Row {
    const char* text;
    Names expected;
  };
  const Row rows[] = {
      {"\"We do not accept it,\" said Stop Stansted Expansion chairman Peter "
       "Sanders.",
       {"Stop Stansted Expansion"}},
      // The gazetteer's party written with a small "party".
      {"Andrey Klishas of the ruling United Russia party proposed it.",
       {"United Russia"}},
      {"He left the Bharatiya Janata party in May.",
       {"Bharatiya Janata Party"}},
      // A film's director, a festive party: no organisation.
      {"The Pulp Fiction director spoke.", {}},
      {"A Christmas party was held.", {}},
  };
  for (const Row& row : rows) {
    std::string text = row.text;
    CAPTURE(text);
    CHECK(orgs(row.text) == row.expected);
  }
}

TEST_CASE("a known acronym inside a longer name, a title before 'of'") {
  // Not the NHS; a title and "of" are no part of the trust's name, and the
  // shorter mention is the same trust.
  CHECK(names("Hereford Hospital Trust sent a letter. David Rose, Chief "
              "Executive of Hereford Hospitals NHS Trust, said so.") ==
        Names{"Hereford Hospitals NHS Trust", "David Rose"});
  CHECK(names("Jim Ames, Vice Chairman of Nikko Securities Co International "
              "Inc, said so.") ==
        Names{"Jim Ames", "Nikko Securities Co International Inc"});
  // Standing alone, or after a place, it is the NHS.
  CHECK(names("Staff at Oxford NHS Trust said so.") ==
        Names{"National Health Service"});
}

}  // namespace newsdex
