# Writes OUTPUT, a C++ file embedding every module's OpenAPI fragment given in FILES
# ("|"-separated paths .../src/<module>/openapi.json), in the order given.
string(REPLACE "|" ";" files "${FILES}")
set(body "#include \"app/openapi.hpp\"\nnamespace maillage::app {\nconst std::vector<OpenApiFragment>& embedded_openapi_fragments() {\n  static const std::vector<OpenApiFragment> fragments = {\n")
foreach(path IN LISTS files)
  get_filename_component(module_dir ${path} DIRECTORY)
  get_filename_component(module ${module_dir} NAME)
  file(READ ${path} text)
  string(APPEND body "    {\"${module}\", R\"OPENAPI(${text})OPENAPI\"},\n")
endforeach()
string(APPEND body "  };\n  return fragments;\n}\n}  // namespace maillage::app\n")
file(WRITE ${OUTPUT}.tmp "${body}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
