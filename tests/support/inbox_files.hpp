// Small valid inbox files (shared/formats/INBOX.md) for sync and command tests.
#pragma once

#include <string>

namespace test_support {

inline std::string schools_csv() {
    return "urn,name,district,lift_group,phase\n"
           "900001,Larkspur Primary School,Maidstone,A,primary\n"
           "900002,Wrenmoor Academy,Maidstone,B,primary\n";
}

inline std::string staff_csv() {
    return "staff_id,name,role,district\n"
           "ST01,Kit Fenwick,specialist_teacher,Maidstone\n"
           "ST02,Rae Upcott,specialist_teacher,Maidstone\n";
}

inline std::string pupils_csv() {
    return "pupil_ref,school_urn,initials,first_name,last_name,year_group,need_area\n"
           "P000001,900001,AB,Ari,Brightwell,3,semh\n"
           "P000002,900002,CD,Cai,Dunmore,5,cl\n";
}

inline std::string events_csv() {
    return "pupil_ref,event,date,detail,staff_id\n"
           "P000001,concern_raised,2025-09-15,,\n"
           "P000001,caselist_opened,2025-10-01,Joins playground games,ST01\n"
           "P000002,concern_raised,2025-09-20,,\n";
}

// `n` events rows for pupils P000001..P0000NN in turn (the pupils must exist).
std::string many_events_csv(int rows, int pupils);
// `n` pupils at school 900001.
std::string many_pupils_csv(int pupils);

}  // namespace test_support
