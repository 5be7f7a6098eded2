-- Reference enumerations that a territory can extend (legal forms, kinds, levels...).
-- Shipped values come from data/enumerations/*.csv; rows added here extend them.
CREATE TABLE enumeration_values (
    enumeration TEXT NOT NULL,
    code TEXT NOT NULL,
    parent TEXT,
    label_fr TEXT NOT NULL,
    label_it TEXT NOT NULL,
    label_en TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (enumeration, code)
);
