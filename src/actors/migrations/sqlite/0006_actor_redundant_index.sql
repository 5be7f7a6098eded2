-- No query reads actors by SIREN (an identifier search goes by SIRET, RNA or Italian tax
-- code, which have their UNIQUE indexes), and every insert paid for this index.
DROP INDEX actors_siren;
