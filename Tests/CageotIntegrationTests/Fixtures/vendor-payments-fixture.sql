-- Loaded after payments-fixture.sql: the farm "Les Jardins de Kervœn" (vendor 1) has, besides
-- "Légumes 2026-2027" of AMAP de Rezé (catalog 1: 4 subscriptions, 87,97 € ordered, 109,66 € paid),
--   catalog 3 "Légumes du Bourg 2026" of AMAP du Bourg (group 2, checks payable to "GAEC Kervœn"),
--       1 Apr – 31 Dec 2026, distributions 300 (2 Apr) and 301 (9 Apr):
--     701 BRIAND Hélène: 1 × 12,345 → 12,35 (an OPEN basket left out); check 2222222 12,35 → payé.
--     702 ABGRALL Yann: 2 × 12,345 = 24,69; 0,5 × 12,345 = 6,1725 → 6,17 (a cancelled line left out)
--         = 30,86; check 3333333 20,00 and transfer 5,00 = 25,00 → −5,86 reste à payer. A type-1 debt is ignored.
--   catalog 4 "Légumes 2025-2026" of AMAP de Rezé, 1 Sep 2025 – 30 Jun 2026: season 2025, not 2026.
--       801 LE GOFF: 3 × 9,99 = 29,97, check 5555555 29,97.
-- Season 2026 of vendor 1: 2 contracts, 6 subscriptions, 131,18 € ordered, 147,01 € paid, +15,83;
-- checks over each contract's period: 4 (86,91 €) + 2 (32,35 €) = 6, 119,26 €. Vendor 2's "Pain" is left out.
INSERT INTO "User" (id, "firstName", "lastName", email, cdate) VALUES
  (7, 'Hélène', 'BRIAND', 'helene@example.fr', '2025-01-01'),
  (8, 'Yann', 'ABGRALL', 'yann@example.fr', '2025-01-01');
INSERT INTO "Group" (id, name, flags, "hasMembership", "checkOrder", cdate) VALUES
  (2, 'AMAP du Bourg', 0, false, 'GAEC Kervœn', '2025-01-01');
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId") VALUES
  (2, 'Halle', 'place du Marché', '44000', 'Nantes', 2);
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "startDate", "endDate") VALUES
  (3, 'Légumes du Bourg 2026', 1, 2, 1, '2026-04-01', '2026-12-31'),
  (4, 'Légumes 2025-2026', 1, 1, 1, '2025-09-01', '2026-06-30');
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight") VALUES
  (7, 3, 'Panier du Bourg', 12.345, 5.5, 1, 0, false, false, false),
  (8, 4, 'Panier 2025', 9.99, 5.5, 1, 0, false, false, false);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate") VALUES
  (20, 2, 2, '2026-04-02 18:00', '2026-04-02 19:30'),
  (21, 2, 2, '2026-04-09 18:00', '2026-04-09 19:30'),
  (30, 1, 1, '2025-10-02 18:00', '2025-10-02 19:30');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end") VALUES
  (300, 3, 20, 2, '2026-04-02 18:00', '2026-04-02 19:30'),
  (301, 3, 21, 2, '2026-04-09 18:00', '2026-04-09 19:30'),
  (400, 4, 30, 1, '2025-10-02 18:00', '2025-10-02 19:30');
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
  (2001, 7, 20, 1, '2026-03-20', 'CONFIRMED'),
  (2002, 7, 21, 1, '2026-03-20', 'OPEN'),
  (2011, 8, 20, 2, '2026-03-20', 'VALIDATED'),
  (2012, 8, 21, 2, '2026-03-20', 'CONFIRMED'),
  (3001, 1, 30, 1, '2025-09-20', 'CONFIRMED');
INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate") VALUES
  (701, 7, NULL, 3, '2026-04-01', '2026-12-31'),
  (702, 8, NULL, 3, '2026-04-01', '2026-12-31'),
  (801, 1, NULL, 4, '2025-09-01', '2026-06-30');
INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date) VALUES
  (20, 7, NULL, 7, 300, 2001, 701, 1, 12.345, '2026-03-20'),
  (21, 7, NULL, 7, 301, 2002, 701, 1, 12.345, '2026-03-20'),
  (22, 8, NULL, 7, 300, 2011, 702, 2, 12.345, '2026-03-20'),
  (23, 8, NULL, 7, 301, 2012, 702, 0.5, 12.345, '2026-03-20'),
  (24, 8, NULL, 7, 301, 2012, 702, 0, 12.345, '2026-03-20'),
  (30, 1, NULL, 8, 400, 3001, 801, 3, 9.99, '2025-09-20');
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", data) VALUES
  (60, 7, 2, 2, '2222222', 12.35, '2026-04-02 18:30', false, 701, '{"type":"check"}'),
  (61, 8, 2, 2, '3333333', 20, '2026-04-02 18:40', false, 702, '{"type":"check"}'),
  (62, 8, 2, 2, 'Virement', 5, '2026-05-01 09:00', false, 702, '{"type":"transfer"}'),
  (63, 8, 2, 1, 'Légumes du Bourg 2026', -30.86, '2026-04-01', false, 702, NULL),
  (70, 1, 1, 2, '5555555', 29.97, '2025-09-15 10:00', false, 801, '{"type":"check"}');
