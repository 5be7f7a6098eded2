# Writes OUTPUT, a C++ file defining `const char* maillage::SYMBOL()` returning INPUT's text.
file(READ ${INPUT} text)
file(WRITE ${OUTPUT}.tmp "namespace maillage {\nconst char* ${SYMBOL}() {\n  return R\"EMBED(${text})EMBED\";\n}\n}  // namespace maillage\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
