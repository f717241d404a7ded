// Empties a vector and gives its heap block back. `v = {}` and `v.clear()` both keep
// the capacity (`= {}` picks the initializer_list assignment), which for the packed
// tables' temporaries meant megabytes held for the snapshot's whole life.
#pragma once

#include <vector>

namespace core {

template <class T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}

}  // namespace core
