-- The optional blocks of a session sheet (contacts, planning, changes), hand-checked around
-- session 20 of "AMAP des Coteaux" (jeudi 3 décembre 2026); its previous session is 19 (26 novembre).
--
-- Contacts: main contact DURAND Hélène; référents ÉVRARD Marc (Légumes) and BERTIN Inès (Pain);
--   farmers Ferme des Trois Chênes (Jean Morin) and Fournil du Lavoir. Verger Oublié (Pommes) does
--   not take part in session 20 and must not appear.
-- Planning after 20: 21 jeu. 10 déc. (Accueil ABADIE Zoé, Distribution ÉMERY Lucas, Distribution
--   to fill; its role list holds garbage), 22 jeu. 17 déc. (Accueil to fill), 23 jeu. 31 déc. (no
--   role), 24 jeu. 7 janv. (Distribution LEROUX Chloé), 25 jeu. 14 janv. (the fifth: hidden by default).
-- Changes at 20: new ÉMERY Lucas (Légumes, 01/12) and NOËL Léa (Pain, 03/12); ended ÉMERY Lucas
--   (Légumes, 26/11) and LEROUX Chloé (Légumes, 30/11); absent ABADIE Zoé (Légumes); cancelled
--   ABADIE Zoé Panier de légumes and MOREAU Paul Brioche; changed (Pain only) ABADIE Baguette 2 → 3,
--   MOREAU Brioche no longer, MOREAU Pain de seigle new (2), NOËL Baguette new (1).
-- Traps: a subscription starting on the previous session's day (not new), one ending on this
--   session's day (not ended), one of a contract not taking part, an absence list '2000' (not 200),
--   a classic contract's changed quantity (not listed), 0.1 + 0.2 kg of flour against 0.3 kg (no
--   change), OPEN baskets, another group's sessions in between.
INSERT INTO "User" (id, "firstName", "lastName", email, phone, cdate) VALUES
  (1, 'Hélène', 'DURAND', 'helene.durand@example.fr', '06 10 00 00 01', '2025-01-01'),
  (2, 'Marc', 'ÉVRARD', 'marc.evrard@example.fr', '06 20 00 00 02', '2025-01-01'),
  (3, 'Inès', 'BERTIN', 'ines.bertin@example.fr', '06 30 00 00 03', '2025-01-01'),
  (4, 'Zoé', 'ABADIE', 'zoe@example.fr', '07 40 00 00 04', '2025-01-01'),
  (5, 'Lucas', 'ÉMERY', 'lucas@example.fr', NULL, '2025-01-01'),
  (6, 'Chloé', 'LEROUX', 'chloe@example.fr', NULL, '2025-01-01'),
  (7, 'Paul', 'MOREAU', 'paul@example.fr', NULL, '2025-01-01'),
  (8, 'Léa', 'NOËL', 'lea@example.fr', NULL, '2025-01-01'),
  (9, 'Yves', 'VOISIN', 'yves@example.fr', '06 90 00 00 09', '2025-01-01');
INSERT INTO "Group" (id, name, "userId", flags, "txtDistrib", cdate) VALUES
  (1, 'AMAP des Coteaux', 1, 0, 'Pensez aux cagettes.', '2025-01-01'),
  (2, 'AMAP voisine', 9, 0, NULL, '2025-01-01');
INSERT INTO "Place" (id, name, "zipCode", city, "groupId") VALUES (1, 'Grange', '49000', 'Angers', 1), (2, 'Halle', '49100', 'Angers', 2);
INSERT INTO "Vendor" (id, name, "peopleName", email, phone, cdate) VALUES
  (1, 'Ferme des Trois Chênes', 'Jean Morin', 'chenes@example.fr', '02 40 00 00 01', '2025-01-01'),
  (2, 'Fournil du Lavoir', NULL, 'fournil@example.fr', '02 40 00 00 02', '2025-01-01'),
  (3, 'Verger Oublié', 'Anne Pomme', 'verger@example.fr', '02 40 00 00 03', '2025-01-01');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate") VALUES
  (1, 'Légumes', 0, 1, 1, 2, '2026-09-01', '2027-06-30'),
  (2, 'Pain', 1, 1, 2, 3, '2026-09-01', '2027-06-30'),
  (3, 'Pommes', 0, 1, 3, 1, '2026-09-01', '2027-06-30');
INSERT INTO "Product" (id, "catalogId", name, price, qt, "unitType", bulk) VALUES
  (1, 1, 'Panier de légumes', 15, 1, 0, false),
  (10, 2, 'Baguette', 1.2, 1, 0, false),
  (11, 2, 'Pain de seigle', 4.5, 1, 0, false),
  (12, 2, 'Brioche', 6, 1, 0, false),
  (13, 2, 'Farine de seigle', 3, 1, 1, true),
  (20, 3, 'Pommes', 3, 1, 1, true);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "volunteerRolesIds") VALUES
  (18, 1, 1, '2026-11-19 18:00', '2026-11-19 19:30', '1'),
  (19, 1, 1, '2026-11-26 18:00', '2026-11-26 19:30', '1,2'),
  (20, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30', '1,2,2'),
  (21, 1, 1, '2026-12-10 18:00', '2026-12-10 19:30', '1,2,x,,2'),
  (22, 1, 1, '2026-12-17 18:00', '2026-12-17 19:30', '1'),
  (23, 1, 1, '2026-12-31 18:00', '2026-12-31 19:30', NULL),
  (24, 1, 1, '2027-01-07 18:00', '2027-01-07 19:30', '2'),
  (25, 1, 1, '2027-01-14 18:00', '2027-01-14 19:30', '1'),
  (30, 2, 2, '2026-12-01 18:00', '2026-12-01 19:30', '3'),
  (31, 2, 2, '2026-12-05 18:00', '2026-12-05 19:30', '3');
INSERT INTO "VolunteerRole" (id, name, "groupId") VALUES (1, 'Accueil', 1), (2, 'Distribution', 1), (3, 'Caisse voisine', 2);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES
  (4, 21, 1), (5, 21, 2), (6, 24, 2), (9, 31, 3), (7, 20, 1);
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (180, 1, 18, 1, '2026-11-19 18:00', '2026-11-19 19:30'),
  (190, 1, 19, 1, '2026-11-26 18:00', '2026-11-26 19:30'),
  (191, 2, 19, 1, '2026-11-26 18:00', '2026-11-26 19:30'),
  (192, 3, 19, 1, '2026-11-26 18:00', '2026-11-26 19:30'),
  (200, 1, 20, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (201, 2, 20, 1, '2026-12-03 18:00', '2026-12-03 19:30'),
  (210, 1, 21, 1, '2026-12-10 18:00', '2026-12-10 19:30');
INSERT INTO "Subscription" (id, "userId", "catalogId", "startDate", "endDate", "absentDistribIds") VALUES
  (1, 4, 1, '2026-09-01', '2027-06-30', '180, 200 ,x'),  -- absent at 200
  (2, 5, 1, '2026-12-01', '2027-06-30', NULL),          -- new (renewal)
  (3, 6, 1, '2026-09-01', '2026-11-30', NULL),          -- ended
  (4, 7, 1, '2026-11-26', '2027-06-30', NULL),          -- starts on the previous session's day: not new
  (5, 8, 1, '2026-09-01', '2026-12-03', '2000'),        -- ends on this session's day: not ended; 2000 is not 200
  (6, 8, 2, '2026-12-03', '2027-06-30', NULL),          -- new, on this session's day
  (7, 7, 3, '2026-09-01', '2026-11-28', NULL),          -- ended, but Pommes does not take part
  (8, 5, 1, '2026-09-01', '2026-11-26', NULL),          -- ended on the previous session's day
  (9, 7, 2, '2026-09-01', '2026-11-20', NULL);          -- ended before the previous session
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (190, 4, 19, 1, '2026-11-20', 'CONFIRMED'),
  (191, 7, 19, 2, '2026-11-20', 'VALIDATED'),
  (192, 6, 19, 3, '2026-11-20', 'OPEN'),
  (200, 4, 20, 1, '2026-11-27', 'CONFIRMED'),
  (201, 7, 20, 2, '2026-11-27', 'CONFIRMED'),
  (202, 8, 20, 3, '2026-11-27', 'CONFIRMED'),
  (203, 6, 20, 4, '2026-11-27', 'OPEN');
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
  (1, 4, 1, 190, 190, 1, 15, '2026-11-20'),
  (2, 4, 10, 191, 190, 2, 1.2, '2026-11-20'),
  (3, 4, 11, 191, 190, 1, 4.5, '2026-11-20'),
  (4, 4, 13, 191, 190, 0.3, 3, '2026-11-20'),
  (5, 7, 1, 190, 191, 1, 15, '2026-11-20'),
  (6, 7, 12, 191, 191, 1, 6, '2026-11-20'),
  (7, 6, 10, 191, 192, 5, 1.2, '2026-11-20'),           -- OPEN: ignored
  (8, 7, 20, 192, 191, 2, 3, '2026-11-20'),             -- Pommes: not in session 20
  (20, 4, 1, 200, 200, 0, 15, '2026-11-27'),            -- cancelled (absent)
  (21, 4, 10, 201, 200, 3, 1.2, '2026-11-27'),          -- 2 → 3
  (22, 4, 11, 201, 200, 1, 4.5, '2026-11-27'),          -- unchanged
  (23, 4, 13, 201, 200, 0.1, 3, '2026-11-27'),          -- 0.1 + 0.2 = 0.3: unchanged
  (24, 4, 13, 201, 200, 0.2, 3, '2026-11-27'),
  (25, 7, 1, 200, 201, 2, 15, '2026-11-27'),            -- classic contract: not compared
  (26, 7, 12, 201, 201, 0, 6, '2026-11-27'),            -- cancelled, and no longer ordered
  (27, 7, 11, 201, 201, 1, 4.5, '2026-11-27'),          -- new: 1 + 1 = 2
  (28, 7, 11, 201, 201, 1, 4.5, '2026-11-27'),
  (29, 8, 10, 201, 202, 1, 1.2, '2026-11-27'),          -- new
  (30, 6, 10, 201, 203, 9, 1.2, '2026-11-27');          -- OPEN: ignored
