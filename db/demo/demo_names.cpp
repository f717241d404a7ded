#include "db/demo/demo_names.hpp"

#include <array>

namespace db::demo {
namespace {

constexpr std::array<std::string_view, 40> kStems = {
    "Amberleigh", "Brackenfold", "Wrenmoor",    "Thistledown", "Larkspur",   "Hollowmere",
    "Kestrel Hill", "Foxglove",  "Copperbeech", "Marshwick",   "Harebell",   "Ravensmede",
    "Oatlands Vale", "Fernhollow", "Sloeberry", "Millbrook Green", "Pebblecombe", "Quillmoor",
    "Sorrelbank", "Teasel",      "Underhay",    "Vetchfield",  "Wychwold",   "Yarrowdale",
    "Alderwick",  "Bramblecote", "Cinderford Lane", "Dunnock",  "Elderwyck",  "Furzeleigh",
    "Gorsemere",  "Heronsgate Rise", "Ivydene",  "Juniper Row", "Kingfisher Mead", "Lapwing",
    "Medlar",     "Nettlecombe", "Orchardine",  "Primrose Fold"};
constexpr std::array<std::string_view, 6> kKinds = {
    "Primary School", "Primary Academy", "Infant School", "Junior School",
    "C of E Primary School", "Academy"};
constexpr std::array<std::string_view, 48> kFirst = {
    "Ari",   "Bex",   "Cai",   "Dani",  "Eli",   "Fen",   "Gil",   "Hal",   "Ivo",  "Jem",
    "Kit",   "Lio",   "Mae",   "Nico",  "Oli",   "Pip",   "Quin",  "Rae",   "Sol",  "Tam",
    "Uma",   "Vic",   "Wren",  "Xan",   "Yas",   "Zed",   "Arlo",  "Bea",   "Cass", "Dex",
    "Edie",  "Finn",  "Greer", "Hope",  "Isla",  "Jude",  "Kai",   "Lark",  "Milo", "Noa",
    "Orla",  "Penn",  "Remy",  "Sage",  "Tove",  "Vale",  "Wynn",  "Zia"};
constexpr std::array<std::string_view, 40> kLast = {
    "Ashdown",  "Brightwell", "Cobbold",   "Dunmore",   "Elmsworth", "Fairholt", "Greythorn",
    "Hazelby",  "Ingleby",    "Jessamy",   "Kettlewell", "Lindqvist", "Mossop",   "Northway",
    "Orrell",   "Pennywhistle", "Quarrie", "Rookwood",  "Sallowby",  "Thackery", "Upcott",
    "Varley",   "Wetherden",  "Yelland",   "Zennor",    "Abberley",  "Blakemere", "Cressley",
    "Dovecote", "Everleigh",  "Fallowfield", "Glenister", "Hartsell", "Ivel",    "Jorvik",
    "Kelloway", "Lythgoe",    "Marchbank", "Nethercott", "Oakhurst"};
constexpr std::array<std::string_view, 8> kOutcomes = {
    "Reads and follows a visual timetable independently for a whole morning",
    "Uses agreed calm-down strategy without adult prompt in 4 of 5 incidents",
    "Accesses whole-class phonics with a pre-teaching session",
    "Communicates needs using a core vocabulary board across the school day",
    "Completes a 10-minute independent writing task with a word bank",
    "Joins structured playground games with peers three times a week",
    "Uses a movement break plan to stay in class for maths lessons",
    "Transitions between activities with a now/next board and no adult support"};
constexpr std::array<std::string_view, 4> kVenues = {
    "STLS base, Room 2", "Online (Teams)", "Teachers' Centre, Hall", "STLS base, Room 1"};

}  // namespace

std::span<const std::string_view> school_name_stems() { return kStems; }
std::span<const std::string_view> school_name_kinds() { return kKinds; }
std::span<const std::string_view> first_names() { return kFirst; }
std::span<const std::string_view> last_names() { return kLast; }
std::span<const std::string_view> agreed_outcomes() { return kOutcomes; }
std::span<const std::string_view> venues() { return kVenues; }

}  // namespace db::demo
