-- Hand-checked usage of a tiny federation in 2026 (UsagePeriod.year(2026)); see docs/usage-report.md.
-- Groups listed (created by 31 Dec 2026), by name ignoring case and accents:
--   1 "AMAP de Rezé" (2020), 3 "bio du Marais" (2019, SUSPENDED: disabled), 2 "Éco-panier" (created 15 Mar 2026: new).
--   4 "Zèbre" is created in 2027: not listed, its 2027 orders not counted. new groups 1, disabled groups 1.
--
-- Group 1, sessions 10 (31 Dec 2025 23:59, previous year), 11 (8 Jan), 12 (5 Mar), 13 (4 Jun: only an OPEN
-- basket → not held), 14 (31 Dec 2026 18:00, last day included), 15 (1 Jan 2027 00:00, next year):
--   basket 1101 Alice,   session 11: 3 × 2,675 = 8,025 → 8,03 (5,5 %); 2 × 4 = 8,00 (5,5 %, bread)
--   basket 1102 Bruno,   session 11: 1 × 4,995 → 5,00 (20 %); a cancelled line (quantity 0)
--   basket 1103 deleted, session 11: 1 × 4 = 4,00 (5,5 %, bread)      → counted, but not a household
--   basket 1104 Chloé,   session 11: OPEN                               → left out
--   basket 1105 Chloé,   session 12: only a cancelled line             → not a basket, Chloé not active
--   basket 1106 Alice,   session 12: 2 × 4,995 = 9,99 (20 %)
--   basket 1107 Bruno,   session 13: OPEN                               → left out, session 13 not held
--   basket 1108 Bruno,   session 14: 1 × 2,675 → 2,68 (5,5 %)  (in doubles 2,67499… would round to 2,67)
--   basket 1110 (userId NULL: household = the line's user Émile), session 14: 2 × 2,675 = 5,35 (5,5 %)
--   a line of Bruno at session 14 with no basket                    → left out
--   basket 1100 Alice, session 10 (2025) and 1109 Alice, session 15 (2027) → left out
--   → lines 7, baskets 6, households 3 (Alice, Bruno, Émile), contracts 2, farmers 2 (Kervœn, Fournil),
--     sessions 3 (11, 12, 14), turnover 8,03 + 8,00 + 5,00 + 4,00 + 9,99 + 2,68 + 5,35 = 43,05
--     (5,5 %: 8,03 + 8,00 + 4,00 + 2,68 + 5,35 = 28,06; 20 %: 5,00 + 9,99 = 14,99)
--   duties: session 11 '1,2,2' → 3 needed, 2 filled; 12 '1,,x, 2 ' → 2 needed (1 and 2), 1 filled;
--     14 NULL → 0; session 13 (not held) '1,2' with 1 volunteer is left out → filled 3, needed 5
--   members: deleted (no), Alice, Bruno, Chloé, Émile, Gaston (account created 2027: no) → 4
--   memberships: Alice 15,00 (10 Sep 2026), Bruno 10,005 → 10,01 (no date, no session: 1 Jan of its year 2026),
--     deleted 12,00 (1 Feb 2026), Bruno 2025 (left out), Chloé (no date, paid at session 15 in 2027: left out)
--     → 3, 37,01
--   payments (type 2, not pending, 2026): check 16,03 + 4,00 (deleted) − 2,00 (refund) = 18,03 (3);
--     cash 5,00 (1); transfer 9,99 (1); other: 'check' (not JSON) 2,675 → 2,68, NULL 5,35, "bitcoin" 7,00
--     = 15,03 (3). Left out: 31 Dec 2025 23:00, 1 Jan 2027 00:00, pending, a type-0 debt.
-- Group 2 "Éco-panier", sessions 20 (2 Apr) and 21 (7 May; its distribution has no date → the session's):
--   basket 2001 Alice 7,50; 2002 Denis 2 × 7,5 = 15,00; 2003 Denis (session 21) 7,50, all 5,5 %
--   → lines 3, baskets 3, households 2, contracts 1, farmers 1 (Kervœn), sessions 2, turnover 30,00
--   duties: 20 '3,3,3' → 3 needed, 1 filled; 21 '' → 0 needed, 1 filled → filled 2, needed 3
--   members: Alice, Denis → 2. memberships: Denis 20,00 (2 Apr), Alice 20,00 (no date, session 20) → 2, 40,00
--   payments: card-terminal 22,50 (1), moneypot 7,50 (1, type not first in the object), onthespot 7,50 (1),
--     other: {"type": 3} 1,00 and '' 0,50 = 1,50 (2)
-- Group 3 "bio du Marais": orders and a payment in 2025 only → zero activity; members: Fanny → 1;
--   memberships: Fanny 5,00 (15 Jan 2026) → 1, 5,00.
-- Federation: lines 10, baskets 9, households 4 (Alice once), contracts 3, farmers 2 (Kervœn once),
--   sessions 5, turnover 73,05 (5,5 %: 58,06; 20 %: 14,99), duties 5 / 8, members 6 (Alice once),
--   memberships 6, 82,01; payments check 18,03 (3), cash 5,00 (1), transfer 9,99 (1), card-terminal 22,50 (1),
--   onthespot 7,50 (1), moneypot 7,50 (1), other 16,53 (5).
-- Months: Jan 25,03 (1 session), Mar 9,99 (1), Apr 22,50 (1), May 7,50 (1), Dec 8,03 (1), the others 0.
INSERT INTO "User" (id, "firstName", "lastName", email, cdate) VALUES
  (1, 'Compte', 'SUPPRIMÉ', 'deleted@camap.tld', '2019-01-01'),
  (2, 'Alice', 'ARNAUD', 'alice@example.fr', '2020-01-01'),
  (3, 'Bruno', 'BLANC', 'bruno@example.fr', '2020-01-01'),
  (4, 'Chloé', 'CARRÉ', 'chloe@example.fr', '2020-01-01'),
  (5, 'Denis', 'DUPUIS', 'denis@example.fr', '2020-01-01'),
  (6, 'Émile', 'ÉVRARD', 'emile@example.fr', '2020-01-01'),
  (7, 'Fanny', 'FABRE', 'fanny@example.fr', '2019-01-01'),
  (8, 'Gaston', 'GIRARD', 'gaston@example.fr', '2027-03-01');
INSERT INTO "Group" (id, name, cdate, disabled) VALUES
  (1, 'AMAP de Rezé', '2020-01-01', NULL),
  (2, 'Éco-panier', '2026-03-15 10:00', NULL),
  (3, 'bio du Marais', '2019-01-01', 'SUSPENDED'),
  (4, 'Zèbre', '2027-01-10', NULL);
INSERT INTO "Place" (id, name, "zipCode", city, "groupId") VALUES
  (1, 'Salle des fêtes', '44400', 'Rezé', 1), (2, 'Halle', '44000', 'Nantes', 2),
  (3, 'Grange', '85000', 'Marais', 3), (4, 'Cour', '44100', 'Nantes', 4);
INSERT INTO "UserGroup" ("userId", "groupId") VALUES
  (1, 1), (2, 1), (3, 1), (4, 1), (6, 1), (8, 1), (2, 2), (5, 2), (7, 3), (5, 4);
INSERT INTO "Vendor" (id, name, cdate) VALUES
  (1, 'Les Jardins de Kervœn', '2019-01-01'), (2, 'Fournil du Bourg', '2019-01-01'), (3, 'Fromagerie', '2019-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "startDate", "endDate") VALUES
  (1, 'Légumes', 1, 1, 1, '2025-09-01', '2027-06-30'),
  (2, 'Pain', 1, 1, 2, '2025-09-01', '2027-06-30'),
  (3, 'Légumes Éco', 1, 2, 1, '2026-03-15', '2026-12-31'),
  (4, 'Fromage', 1, 3, 3, '2025-01-01', '2025-12-31'),
  (5, 'Pain Zèbre', 1, 4, 2, '2027-01-10', '2027-12-31');
INSERT INTO "Product" (id, "catalogId", name, price, vat) VALUES
  (10, 1, 'Œufs', 2.675, 5.5), (11, 1, 'Cidre', 4.995, 20), (12, 2, 'Pain', 4, 5.5),
  (13, 3, 'Panier', 7.5, 5.5), (14, 4, 'Fromage', 3, 5.5), (15, 5, 'Pain', 2, 5.5);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "volunteerRolesIds") VALUES
  (10, 1, 1, '2025-12-31 23:59', '2026-01-01 00:30', '1'),
  (11, 1, 1, '2026-01-08 18:00', '2026-01-08 19:30', '1,2,2'),
  (12, 1, 1, '2026-03-05 18:00', '2026-03-05 19:30', '1,,x, 2 '),
  (13, 1, 1, '2026-06-04 18:00', '2026-06-04 19:30', '1,2'),
  (14, 1, 1, '2026-12-31 18:00', '2026-12-31 19:30', NULL),
  (15, 1, 1, '2027-01-01 00:00', '2027-01-01 01:00', '1'),
  (20, 2, 2, '2026-04-02 18:00', '2026-04-02 19:30', '3,3,3'),
  (21, 2, 2, '2026-05-07 18:00', '2026-05-07 19:30', ''),
  (30, 3, 3, '2025-06-05 18:00', '2025-06-05 19:30', '4'),
  (40, 4, 4, '2027-02-04 18:00', '2027-02-04 19:30', NULL);
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (100, 1, 10, 1, '2025-12-31 23:59', '2026-01-01 00:30'),
  (101, 1, 11, 1, '2026-01-08 18:00', '2026-01-08 19:30'),
  (102, 2, 11, 1, '2026-01-08 18:00', '2026-01-08 19:30'),
  (103, 1, 12, 1, '2026-03-05 18:00', '2026-03-05 19:30'),
  (104, 1, 13, 1, '2026-06-04 18:00', '2026-06-04 19:30'),
  (105, 1, 14, 1, '2026-12-31 18:00', '2026-12-31 19:30'),
  (106, 1, 15, 1, '2027-01-01 00:00', '2027-01-01 01:00'),
  (200, 3, 20, 2, '2026-04-02 18:00', '2026-04-02 19:30'),
  (201, 3, 21, 2, NULL, NULL),
  (300, 4, 30, 3, '2025-06-05 18:00', '2025-06-05 19:30'),
  (400, 5, 40, 4, '2027-02-04 18:00', '2027-02-04 19:30');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1100, 2, 10, 1, '2025-12-20', 'VALIDATED'),
  (1101, 2, 11, 1, '2026-01-01', 'VALIDATED'),
  (1102, 3, 11, 2, '2026-01-01', 'CONFIRMED'),
  (1103, 1, 11, 3, '2026-01-01', 'VALIDATED'),
  (1104, 4, 11, 4, '2026-01-01', 'OPEN'),
  (1105, 4, 12, 1, '2026-03-01', 'CONFIRMED'),
  (1106, 2, 12, 2, '2026-03-01', 'CONFIRMED'),
  (1107, 3, 13, 1, '2026-06-01', 'OPEN'),
  (1108, 3, 14, 1, '2026-12-20', 'CONFIRMED'),
  (1109, 2, 15, 1, '2026-12-20', 'CONFIRMED'),
  (1110, NULL, 14, 2, '2026-12-20', 'CONFIRMED'),
  (2001, 2, 20, 1, '2026-03-30', 'VALIDATED'),
  (2002, 5, 20, 2, '2026-03-30', 'VALIDATED'),
  (2003, 5, 21, 1, '2026-05-01', 'CONFIRMED'),
  (3001, 7, 30, 1, '2025-06-01', 'VALIDATED'),
  (4001, 5, 40, 1, '2027-02-01', 'CONFIRMED');
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
  (1, 2, 10, 100, 1100, 2, 2.675, '2025-12-20'),
  (2, 2, 10, 101, 1101, 3, 2.675, '2026-01-01'),
  (3, 2, 12, 102, 1101, 2, 4, '2026-01-01'),
  (4, 3, 11, 101, 1102, 1, 4.995, '2026-01-01'),
  (5, 3, 10, 101, 1102, 0, 2.675, '2026-01-01'),
  (6, 1, 12, 102, 1103, 1, 4, '2026-01-01'),
  (7, 4, 10, 101, 1104, 1, 2.675, '2026-01-01'),
  (8, 4, 10, 103, 1105, 0, 2.675, '2026-03-01'),
  (9, 2, 11, 103, 1106, 2, 4.995, '2026-03-01'),
  (10, 3, 10, 104, 1107, 1, 2.675, '2026-06-01'),
  (11, 3, 10, 105, 1108, 1, 2.675, '2026-12-20'),
  (12, 3, 10, 105, NULL, 1, 2.675, '2026-12-20'),
  (13, 6, 10, 105, 1110, 2, 2.675, '2026-12-20'),
  (14, 2, 10, 106, 1109, 1, 2.675, '2026-12-20'),
  (20, 2, 13, 200, 2001, 1, 7.5, '2026-03-30'),
  (21, 5, 13, 200, 2002, 2, 7.5, '2026-03-30'),
  (22, 5, 13, 201, 2003, 1, 7.5, '2026-05-01'),
  (30, 7, 14, 300, 3001, 1, 3, '2025-06-01'),
  (40, 5, 15, 400, 4001, 1, 2, '2027-02-01');
INSERT INTO "VolunteerRole" (id, name, "groupId") VALUES
  (1, 'Accueil', 1), (2, 'Distribution', 1), (3, 'Caisse', 2), (4, 'Accueil', 3);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES
  (2, 10, 1), (2, 11, 1), (3, 11, 2), (3, 12, 1), (2, 13, 1), (5, 20, 3), (2, 21, 3), (7, 30, 4);
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, data) VALUES
  (1, 2, 1, 2, 'Chèque 1', 16.03, '2026-01-08 18:10', false, '{"type":"check"}'),
  (2, 3, 1, 2, 'Espèces', 5, '2026-01-08 18:20', false, '{"type": "cash"}'),
  (3, 2, 1, 2, 'Virement', 9.99, '2026-03-10 09:00', false, '{"type":"transfer"}'),
  (4, 1, 1, 2, 'Chèque 2', 4, '2026-01-08 18:30', false, '{"type":"check"}'),
  (5, 3, 1, 2, 'Chèque ?', 2.675, '2026-02-01 10:00', false, 'check'),
  (6, 6, 1, 2, 'Paiement', 5.35, '2026-12-31 18:30', false, NULL),
  (7, 2, 1, 2, 'Remboursement', -2, '2026-06-01 12:00', false, '{"type":"check"}'),
  (8, 3, 1, 2, 'Chèque 0', 10, '2025-12-31 23:00', false, '{"type":"check"}'),
  (9, 3, 1, 2, 'Crypto', 7, '2026-12-31 23:59', false, '{"type":"bitcoin"}'),
  (10, 3, 1, 2, 'Chèque à venir', 3, '2026-12-20 10:00', true, '{"type":"check"}'),
  (11, 2, 1, 0, 'Commande', -8, '2026-01-08 18:00', false, NULL),
  (12, 3, 1, 2, 'Espèces 2027', 5, '2027-01-01 00:00', false, '{"type":"cash"}'),
  (20, 5, 2, 2, 'TPE', 22.5, '2026-04-02 18:10', false, '{"type":"card-terminal"}'),
  (21, 2, 2, 2, 'Cagnotte', 7.5, '2026-04-02 18:20', false, '{ "remoteOpId": 12, "type" : "moneypot" }'),
  (22, 5, 2, 2, 'Sur place', 7.5, '2026-05-07 18:10', false, '{"type":"onthespot"}'),
  (23, 5, 2, 2, 'Bizarre', 1, '2026-05-07 18:20', false, '{"type": 3}'),
  (24, 5, 2, 2, 'Vide', 0.5, '2026-05-07 18:30', false, ''),
  (30, 7, 3, 2, 'Chèque', 3, '2025-06-05 18:10', false, '{"type":"check"}');
INSERT INTO "Membership" ("userId", "groupId", year, date, amount, "distributionId") VALUES
  (2, 1, 2026, '2026-09-10', 15, NULL),
  (3, 1, 2026, NULL, 10.005, NULL),
  (3, 1, 2025, '2025-09-12', 15, NULL),
  (1, 1, 2026, '2026-02-01', 12, NULL),
  (4, 1, 2026, NULL, 15, 15),
  (5, 2, 2026, '2026-04-02', 20, NULL),
  (2, 2, 2026, NULL, 20, 20),
  (7, 3, 2026, '2026-01-15', 5, NULL);
