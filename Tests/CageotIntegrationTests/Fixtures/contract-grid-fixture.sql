-- A hand-checked classic contract for the sign-in grid tests: catalog 1 "Légumes d'hiver" of
-- "AMAP des Écluses" (phones hidden: Group.flags bit 6), grid range 2026-12-01 → 2026-12-31.
-- Its distributions: three before the range (so the alternation count starts at 4 in it, not 1),
-- four in it (203 03/12 n°4, 204 10/12 n°5, 205 17/12 n°6, 206 24/12 n°7, a double delivery whose
-- lines are duplicated), one after. Catalog 2 is a variable contract (the grid refuses it).
--
-- Expected cells (03/12, 10/12, 17/12, 24/12):
--   BRÉHIER François   subscribed from 14/12, old lines without subscriptionId: —, —, sign, sign
--   CHÂTEAU Léa        absent at all four, no line: basket from defaultOrders (1 × Œufs)
--   DURAND Noé / Inès  03/12 only in an OPEN basket: pas de commande, sign, sign, sign
--   ÉTIENNE Zoé ↔ MARTIN Paul (alternated; flags bit 0 on the lines of 17/12 and 24/12):
--                      n°4 even → MARTIN, n°5 odd → ÉTIENNE, n°6 even swapped → ÉTIENNE, n°7 odd swapped → MARTIN
--   LE GOFF Élodie     absentDistribIds '204, x, ,999': sign, absent, sign, sign
--   N'DIAYE Anne-Sophie  cancelled line (quantity 0) at 17/12, absentDistribIds '206,abc': sign, sign, pas de commande, absent
--   ANCIEN Jean        subscription ended 15/11: not on the grid
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", phone2, cdate) VALUES
  (1, 'Élodie', 'LE GOFF', 'elodie@example.fr', '06 11 22 33 44', NULL, NULL, NULL, '2025-01-01'),
  (2, 'Zoé', 'ÉTIENNE', 'zoe@example.fr', '06 22 22 22 22', NULL, NULL, NULL, '2025-01-01'),
  (3, 'Paul', 'MARTIN', 'paul@example.fr', '06 33 33 33 33', NULL, NULL, NULL, '2025-01-01'),
  (4, 'François', 'BRÉHIER', 'francois@example.fr', '06 44 44 44 44', NULL, NULL, NULL, '2025-01-01'),
  (5, 'Anne-Sophie', 'N''DIAYE', 'asn@example.fr', '07 55 55 55 55', NULL, NULL, NULL, '2025-01-01'),
  (6, 'Noé', 'DURAND', 'noe@example.fr', '06 66 66 66 66', 'Inès', 'DURAND', '06 66 66 66 67', '2025-01-01'),
  (7, 'Camille', 'COORDINATRICE', 'camille@example.fr', NULL, NULL, NULL, NULL, '2025-01-01'),
  (8, 'Jean', 'ANCIEN', 'jean@example.fr', '06 88 88 88 88', NULL, NULL, NULL, '2025-01-01'),
  (9, 'Léa', 'CHÂTEAU', 'lea@example.fr', '06 99 99 99 99', NULL, NULL, NULL, '2025-01-01');
INSERT INTO "Group" (id, name, "userId", flags, "hasMembership", cdate) VALUES
  (1, 'AMAP des Écluses', 7, 64, true, '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (1, 'Halle du marché', '1 place de la Mairie', '44000', 'Nantes', 1);
UPDATE "Group" SET "placeId" = 1 WHERE id = 1;
INSERT INTO "Vendor" (id, name, email, cdate) VALUES
  (1, 'Ferme de Kervœn', 'kervoen@example.fr', '2025-01-01'),
  (2, 'Moulin du Pré', 'moulin@example.fr', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate", "absentDistribsMaxNb") VALUES
  (1, 'Légumes d''hiver', 0, 1, 1, 7, '2026-10-01', '2027-03-31', 4),
  (2, 'Épicerie en vrac', 1, 1, 2, 7, '2026-10-01', '2027-03-31', 0);
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType") VALUES
  (1, 1, 'Panier de légumes - petit', 12, 5.5, 1, 0),
  (2, 1, 'Panier de légumes - grand', 18.5, 5.5, 1, 0),
  (3, 1, 'Œufs (boîte de 12)', 4.2, 5.5, 12, 0),
  (4, 2, 'Lentilles vertes (vrac)', 4.8, 5.5, 1, 1);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate") VALUES
  (20, 1, 1, '2026-10-01 18:00', '2026-10-01 19:30'),
  (21, 1, 1, '2026-10-15 18:00', '2026-10-15 19:30'),
  (22, 1, 1, '2026-11-05 18:00', '2026-11-05 19:30'),
  (23, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (24, 1, 1, '2026-12-10 18:00', '2026-12-10 19:30'),
  (25, 1, 1, '2026-12-17 18:00', '2026-12-17 19:30'),
  (26, 1, 1, '2026-12-24 17:00', '2026-12-24 18:30'),
  (27, 1, 1, '2027-01-07 18:00', '2027-01-07 19:30');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end", quantities) VALUES
  (200, 1, 20, 1, '2026-10-01 18:00', '2026-10-01 19:30', 1),
  (201, 1, 21, 1, '2026-10-15 18:00', '2026-10-15 19:30', 1),
  (202, 1, 22, 1, '2026-11-05 18:00', '2026-11-05 19:30', 1),
  (203, 1, 23, 1, '2026-12-03 18:00', '2026-12-03 19:30', 1),
  (204, 1, 24, 1, '2026-12-10 18:00', '2026-12-10 19:30', 1),
  (205, 1, 25, 1, '2026-12-17 18:00', '2026-12-17 19:30', 1),
  (206, 1, 26, 1, '2026-12-24 17:00', '2026-12-24 18:30', 2),
  (207, 1, 27, 1, '2027-01-07 18:00', '2027-01-07 19:30', 1),
  (300, 2, 23, 1, '2026-12-03 18:00', '2026-12-03 19:30', 1);
INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders", "absentDistribIds") VALUES
  (1, 1, NULL, 1, '2026-10-01', '2027-03-31 23:59:59', '[{"productId":1,"quantity":1},{"productId":3,"quantity":2}]', '204, x, ,999'),
  (2, 2, 3, 1, '2026-10-01', '2027-03-31 23:59:59', '[{"productId":2,"quantity":1}]', NULL),
  (3, 4, NULL, 1, '2026-12-14', '2027-03-31 23:59:59', '[{"productId":1,"quantity":1}]', ''),
  (4, 5, NULL, 1, '2026-10-01', '2027-03-31 23:59:59', 'not json', '206,abc'),
  (5, 6, NULL, 1, '2026-10-01', '2027-03-31 23:59:59', NULL, NULL),
  (6, 8, NULL, 1, '2026-10-01', '2026-11-15 23:59:59', '[{"productId":1,"quantity":1}]', NULL),
  (7, 9, NULL, 1, '2026-10-01', '2027-03-31 23:59:59', '[{"productId":3,"quantity":1}]', '203,204,205,206');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1, 6, 23, 1, '2026-12-01', 'OPEN'),
  (2, 6, 24, 1, '2026-12-01', 'CONFIRMED');
INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date, flags) VALUES
  -- LE GOFF: a small basket and two boxes of eggs, absent on 10/12; doubled on 24/12.
  (1, 1, NULL, 1, 203, NULL, 1, 1, 12, '2026-09-20', 0), (2, 1, NULL, 3, 203, NULL, 1, 2, 4.2, '2026-09-20', 0),
  (3, 1, NULL, 1, 205, NULL, 1, 1, 12, '2026-09-20', 0), (4, 1, NULL, 3, 205, NULL, 1, 2, 4.2, '2026-09-20', 0),
  (5, 1, NULL, 1, 206, NULL, 1, 1, 12, '2026-09-20', 0), (6, 1, NULL, 3, 206, NULL, 1, 2, 4.2, '2026-09-20', 0),
  (7, 1, NULL, 1, 206, NULL, 1, 1, 12, '2026-09-20', 0), (8, 1, NULL, 3, 206, NULL, 1, 2, 4.2, '2026-09-20', 0),
  -- ÉTIENNE ↔ MARTIN: a large basket in alternation.
  (10, 2, 3, 2, 203, NULL, 2, 1, 18.5, '2026-09-20', 0),
  (11, 2, 3, 2, 204, NULL, 2, 1, 18.5, '2026-09-20', 0),
  (12, 2, 3, 2, 205, NULL, 2, 1, 18.5, '2026-09-20', 1),
  (13, 2, 3, 2, 206, NULL, 2, 1, 18.5, '2026-09-20', 1), (14, 2, 3, 2, 206, NULL, 2, 1, 18.5, '2026-09-20', 1),
  -- BRÉHIER: from 14/12, old lines without subscriptionId.
  (20, 4, NULL, 1, 205, NULL, NULL, 1, 12, '2026-12-13', 0),
  (21, 4, NULL, 1, 206, NULL, NULL, 1, 12, '2026-12-13', 0), (22, 4, NULL, 1, 206, NULL, NULL, 1, 12, '2026-12-13', 0),
  -- N'DIAYE: the line of 17/12 was cancelled.
  (30, 5, NULL, 1, 203, NULL, 4, 1, 12, '2026-09-20', 0),
  (31, 5, NULL, 1, 204, NULL, 4, 1, 12, '2026-09-20', 0),
  (32, 5, NULL, 1, 205, NULL, 4, 0, 12, '2026-09-20', 0),
  -- DURAND: 03/12 only in a cart never confirmed (OPEN), then a confirmed basket, then no basket.
  (40, 6, NULL, 2, 203, 1, 5, 1, 18.5, '2026-12-01', 0),
  (41, 6, NULL, 2, 204, 2, 5, 1, 18.5, '2026-12-01', 0),
  (42, 6, NULL, 2, 205, NULL, 5, 1, 18.5, '2026-09-20', 0),
  (43, 6, NULL, 2, 206, NULL, 5, 1, 18.5, '2026-09-20', 0), (44, 6, NULL, 2, 206, NULL, 5, 1, 18.5, '2026-09-20', 0),
  -- ANCIEN: before the range only.
  (50, 8, NULL, 1, 200, NULL, 6, 1, 12, '2026-09-20', 0),
  -- A variable-contract line at the same session: not the grid's business.
  (60, 1, NULL, 4, 300, NULL, NULL, 1.5, 4.8, '2026-11-30', 0);
