-- Hand-checked payments of the contract "Légumes 2026-2027" (catalog 1) of "AMAP de Rezé" (group 1,
-- checks payable to "EARL Les Jardins de Kervœn"), distributions 100 (1 Oct), 101 (8 Oct), 102 (15 Oct 2026).
--   501 LE GOFF Élodie / Loïc: 2 × 2,675 = 5,35; 1,5 × 2,35 = 3,525 → 3,53; 3 × 2,675 = 8,025 → 8,03
--       (an OPEN basket and a cancelled line left out) = 16,91 € on 2 distributions;
--       checks 1234567 (10,00, 1 Oct) and 1234568 (6,91, 5 Nov) = 16,91 → payé. A type-1 debt is ignored.
--   502 N'DIAYE Anne-Sophie: 1,85 × 11,9 = 22,015 → 22,02; 1,6 × 11,9 = 19,04 = 41,06 € on 2 distributions;
--       check 7654321 50,00 (20 Sep), refund −5,00 by transfer = 45,00 → +3,94 à rembourser.
--   503 ÉTIENNE Zoé, alternating with MARTIN Gaëlle: 3 × 4,995 → 5,00 = 15,00 € on 3 distributions;
--       cash 5,00, malformed JSON 4,00 (autre), NULL data 1,00 (autre) = 10,00 → −5,00 reste à payer.
--   504 EBERT Paul: 2 × 7,5 = 15,00 € on 1 distribution; TPE 12, sur place 3, cagnotte 2, check 0000042
--       20,00 (10 Jan 2027), unknown type 0,50 (autre), empty data 0,25 (autre) = 37,75 → +22,75 à rembourser.
--   Left out: ABADIE's subscription 601 to another contract (catalog 2) and its check; a payment with no subscription.
-- Checks from 1 Oct to 30 Nov 2026: 1234567 + 1234568 = 16,91 € (2). Whole period: 86,91 € (4).
INSERT INTO "User" (id, "firstName", "lastName", email, "firstName2", "lastName2", cdate) VALUES
  (1, 'Élodie', 'LE GOFF', 'elodie@example.fr', 'Loïc', 'LE GOFF', '2025-01-01'),
  (2, 'Anne-Sophie', 'N''DIAYE', 'asn@example.fr', NULL, NULL, '2025-01-01'),
  (3, 'Zoé', 'ÉTIENNE', 'zoe@example.fr', NULL, NULL, '2025-01-01'),
  (4, 'Paul', 'EBERT', 'paul@example.fr', NULL, NULL, '2025-01-01'),
  (5, 'Gaëlle', 'MARTIN', 'gaelle@example.fr', NULL, NULL, '2025-01-01'),
  (6, 'Jean', 'ABADIE', 'jean@example.fr', NULL, NULL, '2025-01-01');
INSERT INTO "Group" (id, name, flags, "hasMembership", "checkOrder", cdate) VALUES
  (1, 'AMAP de Rezé', 0, true, 'EARL Les Jardins de Kervœn', '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (1, 'Salle des fêtes', '3 rue de l''Église', '44400', 'Rezé', 1);
INSERT INTO "Vendor" (id, name, email, cdate) VALUES
  (1, 'Les Jardins de Kervœn', 'kervoen@example.fr', '2025-01-01'),
  (2, 'Fournil du Bourg', 'pain@example.fr', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "startDate", "endDate") VALUES
  (1, 'Légumes 2026-2027', 1, 1, 1, '2026-09-01', '2027-06-30'),
  (2, 'Pain', 1, 1, 2, '2026-09-01', '2027-06-30');
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (1, 1, 'Œufs (boîte de 12)', 2.675, 5.5, 12, 0, false, false, false),
  (2, 1, 'Farine T80', 2.35, 5.5, 1, 1, true, false, false),
  (3, 1, 'Poulet (prix au kg)', 11.9, 5.5, 1, 1, false, true, true),
  (4, 1, 'Cidre brut', 4.995, 20, 0.75, 3, false, false, false),
  (5, 1, 'Panier de légumes', 7.5, 5.5, 1, 0, false, false, false),
  (6, 2, 'Pain de campagne', 4, 5.5, 1, 0, false, false, false);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate") VALUES
  (10, 1, 1, '2026-10-01 18:00', '2026-10-01 19:30'),
  (11, 1, 1, '2026-10-08 18:00', '2026-10-08 19:30'),
  (12, 1, 1, '2026-10-15 18:00', '2026-10-15 19:30');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (100, 1, 10, 1, '2026-10-01 18:00', '2026-10-01 19:30'),
  (101, 1, 11, 1, '2026-10-08 18:00', '2026-10-08 19:30'),
  (102, 1, 12, 1, '2026-10-15 18:00', '2026-10-15 19:30'),
  (200, 2, 10, 1, '2026-10-01 18:00', '2026-10-01 19:30');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1001, 1, 10, 1, '2026-09-20', 'CONFIRMED'),
  (1002, 1, 11, 1, '2026-09-20', 'VALIDATED'),
  (1003, 1, 12, 1, '2026-09-20', 'OPEN'),
  (1011, 2, 10, 2, '2026-09-20', 'CONFIRMED'),
  (1012, 2, 11, 2, '2026-09-20', 'CONFIRMED'),
  (1013, 2, 12, 2, '2026-09-20', 'CONFIRMED'),
  (1021, 3, 10, 3, '2026-09-20', 'CONFIRMED'),
  (1022, 3, 11, 3, '2026-09-20', 'CONFIRMED'),
  (1023, 3, 12, 3, '2026-09-20', 'CONFIRMED'),
  (1032, 4, 11, 4, '2026-09-20', 'CONFIRMED'),
  (1061, 6, 10, 5, '2026-09-20', 'CONFIRMED');
INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate") VALUES
  (501, 1, NULL, 1, '2026-09-01', '2027-06-30'),
  (502, 2, NULL, 1, '2026-10-01', '2027-03-31'),
  (503, 3, 5, 1, '2026-09-01', '2027-06-30'),
  (504, 4, NULL, 1, '2026-10-08', '2026-12-31'),
  (601, 6, NULL, 2, '2026-09-01', '2027-06-30');
INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date) VALUES
  (1, 1, NULL, 1, 100, 1001, 501, 2, 2.675, '2026-09-20'),
  (2, 1, NULL, 2, 100, 1001, 501, 1.5, 2.35, '2026-09-20'),
  (3, 1, NULL, 1, 101, 1002, 501, 3, 2.675, '2026-09-20'),
  (4, 1, NULL, 5, 102, 1003, 501, 1, 7.5, '2026-09-20'),
  (5, 1, NULL, 5, 101, 1002, 501, 0, 7.5, '2026-09-20'),
  (6, 2, NULL, 3, 100, 1011, 502, 1.85, 11.9, '2026-09-20'),
  (7, 2, NULL, 3, 101, 1012, 502, 1.6, 11.9, '2026-09-20'),
  (8, 2, NULL, 3, 102, 1013, 502, 0, 11.9, '2026-09-20'),
  (9, 3, 5, 4, 100, 1021, 503, 1, 4.995, '2026-09-20'),
  (10, 3, 5, 4, 101, 1022, 503, 1, 4.995, '2026-09-20'),
  (11, 3, 5, 4, 102, 1023, 503, 1, 4.995, '2026-09-20'),
  (12, 4, NULL, 5, 101, 1032, 504, 2, 7.5, '2026-09-20'),
  (13, 6, NULL, 6, 200, 1061, 601, 3, 4, '2026-09-20');
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", data) VALUES
  (10, 1, 1, 2, '1234567', 10, '2026-10-01 18:30', false, 501, '{"type":"check"}'),
  (11, 1, 1, 2, '1234568', 6.91, '2026-11-05 18:10', false, 501, '{"type": "check"}'),
  (12, 1, 1, 1, 'Légumes 2026-2027', -16.91, '2026-09-01', false, 501, NULL),
  (20, 2, 1, 2, '7654321', 50, '2026-09-20 10:00', false, 502, '{"type":"check"}'),
  (21, 2, 1, 2, 'Remboursement', -5, '2026-12-01 09:00', false, 502, '{"type":"transfer"}'),
  (30, 3, 1, 2, 'Espèces', 5, '2026-10-08 18:20', false, 503, '{"type":"cash"}'),
  (31, 3, 1, 2, 'Paiement ???', 4, '2026-10-08 18:25', false, 503, '{type: check'),
  (32, 3, 1, 2, 'Reliquat', 1, '2026-10-15 18:00', false, 503, NULL),
  (40, 4, 1, 2, 'TPE', 12, '2026-10-08 18:00', false, 504, '{"type":"card-terminal"}'),
  (41, 4, 1, 2, 'Sur place', 3, '2026-10-08 18:01', false, 504, '{"type":"onthespot"}'),
  (42, 4, 1, 2, 'Cagnotte', 2, '2026-10-08 18:02', false, 504, '{"type":"moneypot"}'),
  (43, 4, 1, 2, '0000042', 20, '2027-01-10 11:00', false, 504, '{"type":"check"}'),
  (44, 4, 1, 2, 'Crypto', 0.5, '2026-10-09 12:00', false, 504, '{"type":"bitcoin"}'),
  (45, 4, 1, 2, '', 0.25, '2026-10-09 12:05', false, 504, ''),
  (50, 6, 1, 2, '9999999', 99, '2026-10-02 10:00', false, 601, '{"type":"check"}'),
  (51, 1, 1, 2, 'Paiement libre', 15, '2026-10-02 10:00', false, NULL, '{"type":"cash"}');
