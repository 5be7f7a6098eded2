-- Routing counts each mentor's pairings with similar projects: these two indexes cover that
-- query, so it reads the pole's pairings in mentor order and each project's profile without
-- touching the wide rows.
CREATE INDEX pathway_mentorships_similar ON pathway_mentorships(pole_id, mentor_id, project_id);
CREATE INDEX pathway_projects_profile ON pathway_projects(id, sector, legal_form);
