-- Hand-checked distributions for the distribution sheet tests (variable-contract sheet and
-- product × household matrix) of "AMAP des Coteaux".
--   Distribution 200: catalog 1 "Volailles, œufs et vrac" (variable, Ferme de Kervœn) at session 20,
--     jeudi 3 décembre 2026 18h–19h30. Three households listed:
--       LE GOFF (basket 1): 3 × 2.675 = 8.025 → 8,03 € (half-cent trap), flour 1,5 kg → 3,53 €; today 11,56 €
--       N'DIAYE (basket 2): two chickens (multiWeight) 1,85 kg → 22,02 €, 1,6 kg → 19,04 €, a cancelled line; today 41,06 €
--       ÉTIENNE (basket 3, VALIDATED): eggs at an older price 2,50 €, flour 2,75 kg → 6,46 €,
--         tomme 0,35 kg → 8,68 €, chicken 2,1 kg → 24,99 €; today 42,63 €
--     Not listed: MARTIN (OPEN basket), ABADIE (only a cancelled line). Today's total 95,25 €.
--     Per product: flour 4,25 kg / 9,99 €; eggs 4 / 10,53 €; chickens 3 pièces / 66,05 €; tomme 0,35 kg / 8,68 €.
--   Balances (payments − every confirmed line of the subscription, all distributions):
--     LE GOFF (sub 501): paid 20 + 10 (pending) = 30,00; ordered 8,03 + 3,53 + 5,35 (distribution 190)
--       (the OPEN cart of distribution 210 left out) = 16,91 → 13,09 €
--     N'DIAYE (sub 502): paid 50 − 8 (refund) = 42,00; ordered 22,02 + 19,04 + 20,23 (190) + 2,68 (210) = 63,97 → -21,97 €
--     ÉTIENNE (sub 503): nothing paid; ordered 42,63 → -42,63 €
--   Distribution 201: catalog 2 "Légumes" (classic) at the same session: one basket of 15,00 €.
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", phone2, cdate) VALUES
  (1, 'Élodie', 'LE GOFF', 'elodie@example.fr', '06 11 22 33 44', 'Loïc', 'LE GOFF', '06 55 66 77 88', '2025-01-01'),
  (2, 'Anne-Sophie', 'N''DIAYE', 'asn@example.fr', '07 00 00 00 01', 'François', 'BRÉHIER', NULL, '2025-01-01'),
  (3, 'Zoé', 'ÉTIENNE', 'zoe@example.fr', '06 99 99 99 99', NULL, NULL, NULL, '2025-01-01'),
  (4, 'Gaëlle', 'MARTIN', 'gaelle@example.fr', '06 12 12 12 12', NULL, NULL, NULL, '2025-01-01'),
  (5, 'Jean', 'ABADIE', 'jean@example.fr', '06 13 13 13 13', NULL, NULL, NULL, '2025-01-01'),
  (6, 'Noé', 'COORDINATEUR', 'noe@example.fr', NULL, NULL, NULL, NULL, '2025-01-01');
INSERT INTO "Group" (id, name, "userId", flags, "hasMembership", cdate) VALUES
  (1, 'AMAP des Coteaux', 6, 0, true, '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (1, 'Salle des fêtes', '3 rue de l''Église', '44400', 'Rezé', 1);
UPDATE "Group" SET "placeId" = 1 WHERE id = 1;
INSERT INTO "Vendor" (id, name, email, cdate) VALUES
  (1, 'Ferme de Kervœn', 'kervoen@example.fr', '2025-01-01'),
  (2, 'GAEC des Prés', 'pres@example.fr', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate") VALUES
  (1, 'Volailles, œufs et vrac', 1, 1, 1, 6, '2026-09-01', '2027-08-31'),
  (2, 'Légumes', 0, 1, 2, 6, '2026-09-01', '2027-08-31');
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (1, 1, 'Œufs (boîte de 12)', 2.675, 5.5, 12, 0, false, false, false),
  (2, 1, 'Poulet fermier (prix au kg)', 11.9, 5.5, 1, 1, false, true, true),
  (3, 1, 'Farine de blé T80 (vrac)', 2.35, 5.5, 1, 1, true, false, false),
  (4, 1, 'Tomme de chèvre (prix au kg)', 24.8, 5.5, 1, 1, false, true, false),
  (5, 2, 'Panier de légumes', 15, 5.5, 1, 0, false, false, false);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate") VALUES
  (19, 1, 1, '2026-11-19 18:00', '2026-11-19 19:30'),
  (20, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (21, 1, 1, '2026-12-17 18:00', '2026-12-17 19:30');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (190, 1, 19, 1, '2026-11-19 18:00', '2026-11-19 19:30'),
  (200, 1, 20, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (201, 2, 20, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (210, 1, 21, 1, '2026-12-17 18:00', '2026-12-17 19:30');
INSERT INTO "Subscription" (id, "userId", "catalogId", "startDate", "endDate") VALUES
  (501, 1, 1, '2026-09-01', '2027-08-31'),
  (502, 2, 1, '2026-09-01', '2027-08-31'),
  (503, 3, 1, '2026-09-01', '2027-08-31'),
  (504, 4, 1, '2026-09-01', '2027-08-31'),
  (505, 5, 1, '2026-09-01', '2027-08-31'),
  (511, 1, 2, '2026-09-01', '2027-08-31');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1900, 1, 19, 1, '2026-11-10', 'VALIDATED'),
  (1901, 2, 19, 2, '2026-11-10', 'VALIDATED'),
  (2000, 1, 20, 1, '2026-11-20', 'CONFIRMED'),
  (2001, 2, 20, 2, '2026-11-20', 'CONFIRMED'),
  (2002, 3, 20, 3, '2026-11-20', 'VALIDATED'),
  (2003, 4, 20, 4, '2026-11-20', 'OPEN'),
  (2004, 5, 20, 5, '2026-11-20', 'CONFIRMED'),
  (2100, 1, 21, 1, '2026-12-10', 'OPEN'),
  (2101, 2, 21, 2, '2026-12-10', 'CONFIRMED');
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date) VALUES
  (1, 1, 1, 200, 2000, 501, 3, 2.675, '2026-11-20'),     -- 8,03 €
  (2, 1, 3, 200, 2000, 501, 1.5, 2.35, '2026-11-20'),    -- 1,5 kg → 3,53 € (3.525 rounds up)
  (3, 2, 2, 200, 2001, 502, 1.85, 11.9, '2026-11-20'),   -- 1,85 kg → 22,02 € (22.015 rounds up)
  (4, 2, 2, 200, 2001, 502, 1.6, 11.9, '2026-11-20'),    -- 1,6 kg → 19,04 €
  (5, 2, 1, 200, 2001, 502, 0, 2.675, '2026-11-20'),     -- cancelled
  (6, 3, 1, 200, 2002, 503, 1, 2.5, '2026-11-20'),       -- an older frozen price: 2,50 €
  (7, 3, 3, 200, 2002, 503, 2.75, 2.35, '2026-11-20'),   -- 2,75 kg → 6,46 € (6.4625)
  (8, 3, 4, 200, 2002, 503, 0.35, 24.8, '2026-11-20'),   -- 0,35 kg → 8,68 €
  (9, 3, 2, 200, 2002, 503, 2.1, 11.9, '2026-11-20'),    -- 2,1 kg → 24,99 €
  (10, 4, 2, 200, 2003, 504, 2, 11.9, '2026-11-20'),     -- OPEN basket: ignored (23,80 €)
  (11, 5, 1, 200, 2004, 505, 0, 2.675, '2026-11-20'),    -- ABADIE's only line, cancelled
  (12, 1, 5, 201, 2000, 511, 1, 15, '2026-09-01'),       -- classic contract, same basket: 15,00 €
  (13, 1, 1, 190, 1900, 501, 2, 2.675, '2026-11-10'),    -- earlier distribution: 5,35 €
  (14, 2, 2, 190, 1901, 502, 1.7, 11.9, '2026-11-10'),   -- earlier distribution: 20,23 €
  (15, 1, 1, 210, 2100, 501, 1, 2.675, '2026-12-10'),    -- OPEN cart of a later distribution: left out
  (16, 2, 1, 210, 2101, 502, 1, 2.675, '2026-12-10');    -- later distribution, confirmed: 2,68 €
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", data) VALUES
  (1, 1, 1, 1, 'Volailles, œufs et vrac (Ferme de Kervœn)', -16.91, '2026-09-01', false, 501, NULL),
  (2, 1, 1, 2, 'Chèque n°1234567', 20, '2026-11-19', false, 501, '{"type":"check"}'),
  (3, 1, 1, 2, 'Virement bancaire', 10, '2026-12-01', true, 501, '{"type":"transfer"}'),
  (4, 1, 1, 3, 'Adhésion 2026', -15, '2026-09-01', false, NULL, NULL),
  (5, 1, 1, 2, 'Paiement en espèces', 15, '2026-09-01', false, NULL, '{"type":"cash"}'),
  (6, 2, 1, 2, 'Chèque n°7654321', 50, '2026-11-19', false, 502, '{"type":"check"}'),
  (7, 2, 1, 2, 'Remboursement du trop-perçu', -8, '2026-11-26', false, 502, '{"type":"cash"}'),
  (8, 4, 1, 2, 'Chèque n°1111111', 40, '2026-11-19', false, 504, '{"type":"check"}'),
  (9, 1, 1, 2, 'Chèque n°2222222', 100, '2026-09-01', false, 511, '{"type":"check"}');
