-- Hand-checked week 2026-W49 (lundi 30 novembre … dimanche 6 décembre 2026) of the farm
-- "Ferme de Kervœn" (vendor 1), which delivers two groups:
--   "AMAP de Rezé" (group 1, phones shown): distribution 300 (catalog 1), jeudi 3 décembre.
--     EBERT (basket 6): 2 × jus 3,10 € = 6,20 € (VAT 20 %)
--     ÉTIENNE (basket 3, VALIDATED): œufs 1 × 2,50 (an older price), farine 2,75 kg → 6,46, poulet 2,1 kg → 24,99 = 33,95 €
--     LE GOFF (basket 1): œufs 3 × 2,675 = 8,025 → 8,03 (half-cent trap), farine 1,5 kg → 3,525 → 3,53 = 11,56 €
--     N'DIAYE (basket 2): poulet 1,85 kg → 22,015 → 22,02 and 1,6 kg → 19,04, a cancelled line = 41,06 €
--     Not listed: MARTIN (OPEN basket), ABADIE (only a cancelled line). Total 92,77 €.
--   A group whose name is full of []:*?/\ and long (group 2, HidePhone set): distributions 301
--     (samedi 5 décembre) and 304 (dimanche 6 décembre) of catalog 2, whose sheet names clash once cut to 31.
--     301: LE GOFF œufs 6 × 2 → 2,90 + cidre 1 × 4,995 → 5,00 (half-cent trap) = 7,90 €; ÉTIENNE cidre 3 → 14,985 → 14,99 €
--     304: N'DIAYE œufs 6 × 1 → 1,45 €
--   Left out: distribution 302 (next week), 303 (another farm, same session as 300).
-- Alternated baskets: LE GOFF shares basket 3000 with ABADIE (userId2 5, flag bit 0 set): at 300,
--   catalog 1's first distribution (odd), the flag gives the turn to ABADIE. N'DIAYE shares 3300
--   with MARTIN (userId2 4, no flag): 304 is catalog 2's second distribution (even) → MARTIN.
-- Summary: poulet 3 pièces 66,05 €; farine 4,25 kg 9,99 €; œufs 12: 4 → 10,53 €; œufs 6: 3 → 4,35 €;
--   jus 2 → 6,20 € (20 %); cidre 4 → 19,99 € (20 %). TTC 117,11 €.
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", phone2, cdate) VALUES
  (1, 'Élodie', 'LE GOFF', 'elodie@example.fr', '06 11 22 33 44', 'Loïc', 'LE GOFF', '06 55 66 77 88', '2025-01-01'),
  (2, 'Anne-Sophie', 'N''DIAYE', 'asn@example.fr', '0700000001', 'François', 'BRÉHIER', NULL, '2025-01-01'),
  (3, 'Zoé', 'ÉTIENNE', 'zoe@example.fr', '0699999999', NULL, NULL, NULL, '2025-01-01'),
  (4, 'Gaëlle', 'MARTIN', 'gaelle@example.fr', '06 12 12 12 12', NULL, NULL, NULL, '2025-01-01'),
  (5, 'Jean', 'ABADIE', 'jean@example.fr', '06 13 13 13 13', NULL, NULL, NULL, '2025-01-01'),
  (7, 'Paul', 'EBERT', 'paul@example.fr', '02 40 00 00 07', NULL, NULL, NULL, '2025-01-01');
INSERT INTO "Group" (id, name, flags, "hasMembership", cdate) VALUES
  (1, 'AMAP de Rezé', 0, true, '2025-01-01'),
  (2, 'AMAP [Sud]: *Loire?* / \ Les très longs jardins', 64, true, '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (1, 'Salle des fêtes', '3 rue de l''Église', '44400', 'Rezé', 1),
  (2, 'Grange', '1 chemin creux', '44000', 'Nantes', 2);
INSERT INTO "Vendor" (id, name, email, cdate) VALUES
  (1, 'Ferme de Kervœn', 'kervoen@example.fr', '2025-01-01'),
  (2, 'Fournil du Bourg', 'pain@example.fr', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "startDate", "endDate") VALUES
  (1, 'Volailles, œufs et vrac', 1, 1, 1, '2026-09-01', '2027-08-31'),
  (2, 'Œufs et cidre', 1, 2, 1, '2026-09-01', '2027-08-31'),
  (3, 'Pain', 1, 1, 2, '2026-09-01', '2027-08-31');
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (10, 1, 'Œufs (boîte de 12)', 2.675, 5.5, 12, 0, false, false, false),
  (11, 1, 'Poulet fermier (prix au kg)', 11.9, 5.5, 1, 1, false, true, true),
  (12, 1, 'Farine T80 [vrac]: *bio*', 2.35, 5.5, 1, 1, true, false, false),
  (13, 1, 'Jus de pomme', 3.1, 20, 1, 3, false, false, false),
  (20, 2, 'Œufs (boîte de 6)', 1.45, 5.5, 6, 0, false, false, false),
  (21, 2, 'Cidre brut', 4.995, 20, 0.75, 3, false, false, false),
  (30, 3, 'Pain de campagne', 4, 5.5, 1, 0, false, false, false);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate") VALUES
  (30, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (31, 2, 2, '2026-12-05 10:00', '2026-12-05 12:00'),
  (32, 1, 1, '2026-12-10 18:00', '2026-12-10 19:30'),
  (33, 2, 2, '2026-12-06 10:00', '2026-12-06 12:00');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (300, 1, 30, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (301, 2, 31, 2, '2026-12-05 10:00', '2026-12-05 12:00'),
  (302, 1, 32, 1, '2026-12-10 18:00', '2026-12-10 19:30'),
  (303, 3, 30, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (304, 2, 33, 2, '2026-12-06 10:00', '2026-12-06 12:00');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (3000, 1, 30, 1, '2026-11-20', 'CONFIRMED'),
  (3001, 2, 30, 2, '2026-11-20', 'CONFIRMED'),
  (3002, 3, 30, 3, '2026-11-20', 'VALIDATED'),
  (3003, 4, 30, 4, '2026-11-20', 'OPEN'),
  (3004, 5, 30, 5, '2026-11-20', 'CONFIRMED'),
  (3005, 7, 30, 6, '2026-11-20', 'CONFIRMED'),
  (3100, 1, 31, 1, '2026-11-20', 'CONFIRMED'),
  (3101, 3, 31, 2, '2026-11-20', 'CONFIRMED'),
  (3200, 1, 32, 1, '2026-11-20', 'CONFIRMED'),
  (3300, 2, 33, 1, '2026-11-20', 'CONFIRMED');
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
  (1, 1, 10, 300, 3000, 3, 2.675, '2026-11-20'),
  (2, 1, 12, 300, 3000, 1.5, 2.35, '2026-11-20'),
  (3, 2, 11, 300, 3001, 1.85, 11.9, '2026-11-20'),
  (4, 2, 11, 300, 3001, 1.6, 11.9, '2026-11-20'),
  (5, 2, 10, 300, 3001, 0, 2.675, '2026-11-20'),
  (6, 3, 10, 300, 3002, 1, 2.5, '2026-11-20'),
  (7, 3, 12, 300, 3002, 2.75, 2.35, '2026-11-20'),
  (8, 3, 11, 300, 3002, 2.1, 11.9, '2026-11-20'),
  (9, 4, 11, 300, 3003, 2, 11.9, '2026-11-20'),
  (10, 5, 10, 300, 3004, 0, 2.675, '2026-11-20'),
  (11, 7, 13, 300, 3005, 2, 3.1, '2026-11-20'),
  (12, 1, 20, 301, 3100, 2, 1.45, '2026-11-20'),
  (13, 1, 21, 301, 3100, 1, 4.995, '2026-11-20'),
  (14, 3, 21, 301, 3101, 3, 4.995, '2026-11-20'),
  (15, 2, 20, 304, 3300, 1, 1.45, '2026-11-20'),
  (16, 1, 10, 302, 3200, 1, 2.675, '2026-11-20'),
  (17, 1, 30, 303, 3000, 1, 4, '2026-11-20');
UPDATE "UserOrder" SET "userId2" = 5, flags = 1 WHERE id IN (1, 2);
UPDATE "UserOrder" SET "userId2" = 4 WHERE id = 15;
