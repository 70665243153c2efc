-- A small, hand-checked session for the sign-in sheet tests: session 10 of "AMAP de la Chênaie",
-- three confirmed baskets, one OPEN basket (to be ignored), a cancelled line, a half-cent rounding
-- trap (3 × 2.675 = 8.025 → 8,03 €), bulk flour in kg, a variable-price chicken, accents everywhere.
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", phone2, cdate) VALUES
  (1, 'Élodie', 'LE GOFF', 'elodie@example.fr', '06 11 22 33 44', 'Loïc', 'LE GOFF', '06 55 66 77 88', '2025-01-01'),
  (2, 'Anne-Sophie', 'N''DIAYE', 'asn@example.fr', '07 00 00 00 01', 'François', 'BRÉHIER', NULL, '2025-01-01'),
  (3, 'Zoé', 'ÉTIENNE', 'zoe@example.fr', '06 99 99 99 99', NULL, NULL, NULL, '2025-01-01'),
  (4, 'Gaëlle', 'MARTIN', 'gaelle@example.fr', '06 12 12 12 12', NULL, NULL, NULL, '2025-01-01'),
  (5, 'Noé', 'COORDINATEUR', 'noe@example.fr', NULL, NULL, NULL, NULL, '2025-01-01');
INSERT INTO "File" (id, name, data, cdate) VALUES (1, 'logo.png', NULL, '2025-01-01');
INSERT INTO "Group" (id, name, "userId", flags, "txtDistrib", "hasMembership", cdate) VALUES
  (1, 'AMAP de la Chênaie', 5, 0, '<p>Merci d''apporter vos sacs&nbsp;!</p><p>Prochaine permanence : <b>Loïc</b></p>', true, '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (1, 'Salle des fêtes', '3 rue de l''Église', '44400', 'Rezé', 1);
UPDATE "Group" SET "placeId" = 1 WHERE id = 1;
INSERT INTO "Vendor" (id, name, email, cdate) VALUES (1, 'Ferme de Kervœn', 'kervoen@example.fr', '2025-01-01'),
  (2, 'Moulin du Pré', 'moulin@example.fr', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate") VALUES
  (1, 'Œufs et volailles', 1, 1, 1, 5, '2026-09-01', '2027-08-31'),
  (2, 'Farine', 1, 1, 2, 5, '2026-09-01', '2027-08-31');
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (1, 1, 'Œufs (boîte de 12)', 2.675, 5.5, 12, 0, false, false, false),
  (2, 1, 'Poulet fermier', 11.9, 5.5, 1, 1, false, true, true),
  (3, 2, 'Farine de blé T80', 2.35, 5.5, 1, 1, true, false, false);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "volunteerRolesIds") VALUES
  (10, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30', '1,2,2'),
  (11, 1, 1, '2026-12-10 18:00', '2026-12-10 19:30', NULL);
INSERT INTO "VolunteerRole" (id, name, "groupId") VALUES (1, 'Accueil', 1), (2, 'Distribution', 1);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES (4, 10, 2);
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (100, 1, 10, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (101, 2, 10, 1, '2026-12-03 18:00', '2026-12-03 19:30');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (1000, 1, 10, 1, '2026-11-20', 'CONFIRMED'),
  (1001, 2, 10, 2, '2026-11-20', 'CONFIRMED'),
  (1002, 3, 10, 3, '2026-11-20', 'VALIDATED'),
  (1003, 4, 10, 4, '2026-11-20', 'OPEN');
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
  (1, 1, 1, 100, 1000, 3, 2.675, '2026-11-20'),     -- 8,03 €
  (2, 1, 3, 101, 1000, 1.5, 2.35, '2026-11-20'),    -- 1,5 kg → 3,53 € (3.525 rounds up)
  (3, 2, 2, 100, 1001, 1.85, 11.9, '2026-11-20'),   -- 1,85 kg → 22,02 € (22.015 rounds up)
  (4, 2, 1, 100, 1001, 0, 2.675, '2026-11-20'),     -- cancelled
  (5, 3, 1, 100, 1002, 1, 2.5, '2026-11-20'),       -- an older frozen price: 2,50 €
  (6, 4, 2, 100, 1003, 2, 11.9, '2026-11-20');      -- OPEN basket: ignored
-- Balances in the group (payments less debts): LE GOFF owes 12,50 €, N'DIAYE is 30 € ahead; ÉTIENNE has none.
INSERT INTO "UserGroup" ("userId", "groupId", balance) VALUES (1, 1, -12.5), (2, 1, 30), (4, 1, 0);
