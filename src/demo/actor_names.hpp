#pragma once
// The names of the demo territory's actors (src/demo/demo.cpp creates them), as the modules'
// seeders look them up in DemoContext::actor_ids.
namespace maillage::demo {

inline constexpr const char* kSI = "Seignanx Insertion";
inline constexpr const char* kJardins = "Chantier d'insertion Les Jardins de l'Adour";
inline constexpr const char* kAI = "Association intermédiaire Seignanx Services";
inline constexpr const char* kGEIQ = "GEIQ BTP Sud Landes";
inline constexpr const char* kGE = "Groupement d'employeurs Adour Temps Partagé";
inline constexpr const char* kSCIC = "SCIC Le Comptoir du Seignanx";
inline constexpr const char* kScop = "Scop Menuiserie du Port";
inline constexpr const char* kCAE = "CAE Coopérer en Pays Basque et Landes";
inline constexpr const char* kFormation = "Adour Compétences Formation";
inline constexpr const char* kTarnos = "Mairie de Tarnos";
inline constexpr const char* kOndres = "Mairie d'Ondres";
inline constexpr const char* kCC = "Communauté de communes du Seignanx";
inline constexpr const char* kDep = "Département des Landes – insertion";
inline constexpr const char* kRegion = "Région Nouvelle-Aquitaine – ESS";
inline constexpr const char* kFT = "France Travail – agence de Tarnos";
inline constexpr const char* kML = "Mission locale du Seignanx";
inline constexpr const char* kIsolation = "Entreprise Adour Isolation";
inline constexpr const char* kConserverie = "Conserverie Côte Sud";
inline constexpr const char* kMobility = "Association Mobilité Seignanx";
inline constexpr const char* kNetwork = "Réseau des PTCE de Nouvelle-Aquitaine";

}  // namespace maillage::demo
