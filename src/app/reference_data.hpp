#pragma once
// Loads the rules held as data: enumerations (shipped CSV files plus the territory's own
// additions in the database) and the role table.
#include <string>

#include "core/progress.hpp"
#include "core/roles.hpp"
#include "core/vocabulary.hpp"
#include "store/database.hpp"

namespace maillage::app {

// Reads data_dir/enumerations/<name>.csv (code,parent,label_fr,label_it,label_en).
Vocabulary load_shipped_vocabulary(const std::string& data_dir);
// Adds the rows of the enumeration_values table on top.
void add_database_values(Vocabulary& vocabulary, store::Database& database);
Roles load_roles(const std::string& data_dir);

// Adds a value to an enumeration in the database (a territory's extension).
void add_enumeration_value(store::Database& database, Vocabulary& vocabulary,
                           const std::string& enumeration, const VocabularyValue& value);

}  // namespace maillage::app
