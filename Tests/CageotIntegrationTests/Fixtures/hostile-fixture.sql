-- Hostile data for HostileTextTests: every sheet must print it without crashing, cutting text or
-- writing outside the output folder.
--   Group 1 "../../etc" (no place of its own, a Place with nothing but empty strings and NULLs), a
--     5,000-character txtDistrib full of HTML, <script>, control characters, bidi overrides, emoji,
--     broken entities and a literal "<" that is not a tag.
--   Session 10 (jeudi 3 décembre 2026) of group 1, six households:
--     1 names as long as "User" allows (32 characters; the surname one unbreakable word), a partner
--       with another surname, phones of 19 characters (one full of control characters)
--     2 an empty first name, a surname with U+202E (right-to-left override), U+200F and Arabic;
--       1e6 kg of flour (2 350 000,00 €), 1e6 seeds at 0.001 (1 000,00 €), one seed at 0.001 (0,00 €)
--     3 latin1 read as UTF-8 twice (HÃ©lÃ¨ne)
--     4 U+0001, U+0007, U+001B, a tab, CR and LF in the names; on duty (a role named with U+0007)
--     5 emoji DejaVu lacks (🥕🧀👩‍🌾), zero-width joiner and space; basket n°999999
--     6 200 lines over 40 products
--   Catalog 1 (variable, type 1): distribution 100 at session 10, product names of 128 characters
--     (words; one unbreakable word), Pango markup (<i>, <span>, &amp;), controls, soft hyphen, ZWJ.
--   Catalog 2 (classic, type 0): distributions 101, 102, 103 (3, 10, 17 December), three
--     subscriptions (one alternated with a partner whose surname is 32 M's), garbage defaultOrders
--     and absentDistribIds.
--   Group 2: a name of 64 characters, a place with every column full (one holding "{group}");
--     session 20 with distribution 200 of catalog 3 (variable).
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", phone2, cdate) VALUES
  (1, left('Marie-Bérénice-Gwendoline-Éléonore-Anne', 32), left('WOLFESCHLEGELSTEINHAUSENBERGERDORFF', 32), 'u1@example.fr',
      left('+33 (0)6 12 34 56 78 90', 19), left('Jean-Christophe-Maximilien-Barthélemy', 32),
      left('DE LA VILLEMARQUÉ-KERGUÉLEN-SAINT-AUBIN', 32), left(E'07\x0700\x1b00\t00\r01 \u202E99 99', 19), '2025-01-01'),
  (2, '', E'\u202EEGNARTS\u202C \u200Fعربي', 'u2@example.fr', NULL, E'\u200F\u200E', NULL, NULL, '2025-01-01'),
  (3, 'HÃ©lÃ¨ne', 'FRANÃ‡OIS-MÃœLLER', 'u3@example.fr', '06 00 00 00 03', NULL, NULL, NULL, '2025-01-01'),
  (4, E'Tab\tCR\rBel\x07', E'ESC\x1bSOH\x01\nFIN', 'u4@example.fr', E'06\x01 11 22 33 44', NULL, NULL, NULL, '2025-01-01'),
  (5, E'👩‍🌾 Agnès', E'🥕🧀 MARAÎ\u200DCHÈRE\u200B', 'u5@example.fr', '06 00 00 00 05', NULL, NULL, NULL, '2025-01-01'),
  (6, 'Deux-Cents', 'CENT-LIGNES', 'u6@example.fr', '06 00 00 00 06', NULL, NULL, NULL, '2025-01-01'),
  (7, 'Noé', 'COORDINATEUR', 'u7@example.fr', NULL, NULL, NULL, NULL, '2025-01-01'),
  (8, 'Zoë', left(repeat('M', 40), 32), 'u8@example.fr', '06 00 00 00 08', NULL, NULL, NULL, '2025-01-01');

INSERT INTO "Group" (id, name, "userId", flags, "txtDistrib", "hasMembership", cdate) VALUES
  (1, '../../etc', 7, 0, NULL, true, '2025-01-01'),
  (2, left('AMAP des Très Longs Noms 🥕 de l''Extrême-Ouest, de la Presqu''île et de ses environs immédiats', 64),
      7, 0, '<p>Merci&nbsp;!</p>', true, '2025-01-01');
-- Exactly 5,000 characters: the paragraphs, then the repeated advice, padded with " ·".
UPDATE "Group" SET "txtDistrib" = rpad(
    '<h1>Bienvenue&nbsp;!</h1><script>alert(1)</script><SCRIPT src="x.js"></SCRIPT>'
    || '<p onclick="alert(2)">Apportez vos sacs &amp; vos boîtes.</p>'
    || E'<p>Contrôle\x01\x07\x1b\ttabulation\rretour</p>'
    || '<p>&#x202E;inversé&#x202C; &#0; &#xD800; &#99999999999; &bogus; &#128512; 🥕🧀👩‍🌾 HÃ©lÃ¨ne</p>'
    || '<p>Si vous avez < 3 paniers, prenez un sac.</p><!-- <script>evil()</script> --><scr<script>ipt>'
    || '<ul><li>un</li><li>deux</li></ul><table><tr><td>case</td></tr></table>'
    || repeat('<p>Consigne <b>importante</b> : rapportez les bocaux consignés à la prochaine distribution, merci.</p>', 40),
    5000, ' ·')
  WHERE id = 1;

INSERT INTO "Place" (id, name, address1, address2, "zipCode", city, "groupId") VALUES
  (1, '', NULL, NULL, '', '', 1),
  (2, left('Salle polyvalente des Associations Réunies du Quartier Saint-Félix-de-Valois', 64),
      left('Bâtiment B, escalier C, troisième étage, porte au fond du couloir {group}', 64),
      left(E'Résidence \u202Edes Tilleuls\u202C et des Marronniers, allée des Peupliers', 64),
      left('44000 CEDEX 01 — code porte 1234A', 32), left('Saint-Sébastien-sur-Loire', 25), 2);
UPDATE "Group" SET "placeId" = 2 WHERE id = 2;

INSERT INTO "Vendor" (id, name, email, cdate) VALUES
  (1, left('Ferme de Kervœn — GAEC des Trois Chênes 🧀, maraîchage, élevage de volailles et fromagerie fermière au lait cru de chèvre et de vache', 128),
      'kervoen@example.fr', '2025-01-01');

INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate") VALUES
  (1, left('Volailles, œufs, fromages 🧀 & vrac <b>bio</b> — contrat variable été hiver', 64), 1, 1, 1, 7, '2026-09-01', '2027-08-31'),
  (2, left('Abonnement_légumes_de_saison_sans_aucune_espace_pour_couper_le_mot', 64), 0, 1, 1, 7, '2026-09-01', '2027-08-31'),
  (3, 'Épicerie', 1, 2, 1, 7, '2026-09-01', '2027-08-31');

INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (1, 1, left('Panier découverte de légumes anciens et oubliés cultivés en agriculture biologique par les maraîchers du bocage nantais et vendéen réunis', 128),
      12.5, 5.5, 1, 0, false, false, false),
  (2, 1, left(repeat('Supercalifragilistic', 10), 128), 3.3, 5.5, 1, 0, false, false, false),
  (3, 1, E'Tomates <i>cerise</i> & "cœur" <span foreground="red">rouge</span> &amp; Pa\u200Dnier sof\u00ADt', 4.2, 5.5, 1, 0, false, false, false),
  (4, 1, E'🥕 Carottes 🧀 Fromage 👩‍🌾 \x01\x07\x1b\ttab\rcr', 2, 5.5, 1, 0, false, false, false),
  (5, 1, 'Farine de blé T80 (vrac)', 2.35, 5.5, 1, 1, true, false, false),
  (6, 1, 'Graine de radis', 0.001, 5.5, 1, 0, false, false, false),
  (7, 1, 'CrÃ¨me fraÃ®che Ã©paisse', 3.1, 5.5, 1, 0, false, false, false),
  (8, 1, 'Poulet fermier', 11.9, 5.5, 1, 1, false, true, true),
  (10, 2, 'Panier <b>petit</b> & grand', 12, 5.5, 1, 0, false, false, false),
  (11, 2, left('Panier de légumes de saison issus de l''agriculture biologique du Pays nantais, récoltés la veille au matin par toute l''équipe de la ferme', 128),
      18.5, 5.5, 1, 0, false, false, false),
  (20, 3, 'Lentilles vertes', 4.8, 5.5, 1, 1, true, false, false);
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight")
  SELECT 100 + g, 1, 'Produit n°' || g || ' ' || repeat('légume ', g % 7), 1 + g * 0.37, 5.5, 1, 0, false, false, false
  FROM generate_series(0, 39) g;

INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "volunteerRolesIds") VALUES
  (10, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30', '1,2,2,999,x,,-3'),
  (11, 1, 1, '2026-12-10 18:00', '2026-12-10 19:30', NULL),
  (12, 1, 1, '2026-12-17 18:00', '2026-12-17 19:30', NULL),
  (20, 2, 2, '2026-12-03 18:00', '2026-12-03 19:30', '3');
INSERT INTO "VolunteerRole" (id, name, "groupId") VALUES
  (1, left(E'Accueil \u202Eetrop al à\u202C et tenue de la caisse des adhésions 👩‍🌾 et du reste', 64), 1),
  (2, E'Distri\x07bution\x1b', 1),
  (3, 'Accueil', 2);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES (4, 10, 2), (5, 10, 1);

INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (100, 1, 10, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (101, 2, 10, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (102, 2, 11, 1, '2026-12-10 18:00', '2026-12-10 19:30'),
  (103, 2, 12, 1, '2026-12-17 18:00', '2026-12-17 19:30'),
  (200, 3, 20, 2, '2026-12-03 18:00', '2026-12-03 19:30');

INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders", "absentDistribIds") VALUES
  (501, 1, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (502, 2, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (503, 3, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (504, 4, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (505, 5, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (506, 6, NULL, 1, '2026-09-01', '2027-08-31', NULL, NULL),
  (601, 1, 8, 2, '2026-09-01', '2027-08-31', '{"productId":"<script>"}', '102'),
  (602, 2, NULL, 2, '2026-09-01', '2027-08-31', '[{"productId":10,"quantity":1e308}]', E'../../,\x01,99999999999999999999,-1,103'),
  (603, 5, NULL, 2, '2026-09-01', '2027-08-31', '[{"productId":11,"quantity":"2"},{"productId":10}]', '102,103'),
  (701, 1, NULL, 3, '2026-09-01', '2027-08-31', NULL, NULL);

INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1000, 1, 10, 1, '2026-11-20', 'CONFIRMED'),
  (1001, 2, 10, 2, '2026-11-20', 'CONFIRMED'),
  (1002, 3, 10, 3, '2026-11-20', 'VALIDATED'),
  (1003, 4, 10, 4, '2026-11-20', 'CONFIRMED'),
  (1004, 5, 10, 999999, '2026-11-20', 'CONFIRMED'),
  (1005, 6, 10, 6, '2026-11-20', 'CONFIRMED'),
  (1100, 1, 11, 1, '2026-11-20', 'CONFIRMED'),
  (1200, 1, 12, 1, '2026-11-20', 'CONFIRMED'),
  (2000, 1, 20, 1, '2026-11-20', 'CONFIRMED');

INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date, flags) VALUES
  (1, 1, NULL, 1, 100, 1000, 501, 1, 12.5, '2026-11-20', 0),
  (2, 1, NULL, 2, 100, 1000, 501, 2, 3.3, '2026-11-20', 0),
  (3, 1, NULL, 3, 100, 1000, 501, 1, 4.2, '2026-11-20', 0),
  (4, 2, NULL, 5, 100, 1001, 502, 1e6, 2.35, '2026-11-20', 0),     -- 1 000 000 kg → 2 350 000,00 €
  (5, 2, NULL, 6, 100, 1001, 502, 1e6, 0.001, '2026-11-20', 0),    -- 1 000,00 €
  (6, 2, NULL, 6, 100, 1001, 502, 1, 0.001, '2026-11-20', 0),      -- 0,00 €
  (7, 3, NULL, 7, 100, 1002, 503, 1, 3.1, '2026-11-20', 0),
  (8, 4, NULL, 4, 100, 1003, 504, 3, 2, '2026-11-20', 0),
  (9, 5, NULL, 3, 100, 1004, 505, 2, 4.2, '2026-11-20', 0),
  (10, 5, NULL, 8, 100, 1004, 505, 1.85, 11.9, '2026-11-20', 0),
  (11, 5, NULL, 8, 100, 1004, 505, 2.1, 11.9, '2026-11-20', 0),
  -- The classic contract: 601 alternated with user 8, absent on 10/12; 602 and 603 from their lines.
  (20, 1, 8, 10, 101, 1000, 601, 1, 12, '2026-09-20', 0),
  (21, 1, 8, 11, 101, 1000, 601, 1, 18.5, '2026-09-20', 0),
  (22, 1, 8, 10, 103, 1200, 601, 1, 12, '2026-09-20', 1),
  (23, 2, NULL, 11, 101, 1001, 602, 2, 18.5, '2026-09-20', 0),
  (24, 2, NULL, 11, 102, NULL, 602, 2, 18.5, '2026-09-20', 0),
  (25, 5, NULL, 10, 101, 1004, 603, 1, 12, '2026-09-20', 0),
  -- Group 2's session.
  (30, 1, NULL, 20, 200, 2000, 701, 1.5, 4.8, '2026-11-20', 0);
-- The household of 200 lines.
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date)
  SELECT 10000 + g, 6, 100 + g % 40, 100, 1005, 506, 1 + g % 3, 1 + (g % 40) * 0.37, '2026-11-20' FROM generate_series(0, 199) g;

INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", data) VALUES
  (1, 1, 1, 2, left(E'Chèque <script>alert(3)</script> \u202Eé\u202C n°1234567 \x01\x07 — ' || repeat('très long libellé ', 10), 128),
      0.001, '2026-11-19', false, 501, '{"type":"check"}'),
  (2, 2, 1, 2, 'Remboursement', -1e6, '2026-11-26', false, 502, 'not json'),
  (3, 5, 1, 2, E'Espèces 🥕\t\r', 30, '2026-11-26', true, 505, NULL);
