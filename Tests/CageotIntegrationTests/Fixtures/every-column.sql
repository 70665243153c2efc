-- One row in every CAMAP table with every column filled (no NULL anywhere), to prove the replica
-- holds every column of camap-schema.md with a type that takes CAMAP's values.
INSERT INTO "File" (id, name, data, cdate) VALUES (1, 'logo.png', '\x89504e470d0a1a0a', '2025-01-01 10:00');
INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", email2, phone2, address1, address2,
    "zipCode", city, cdate, ldate, lang, flags)
  VALUES (1, 'Élodie', 'LE GOFF', 'e@example.fr', '06 11 22 33 44', 'Loïc', 'LE GOFF', 'l@example.fr', '06 55 66 77 88',
    '1 rue des Lilas', 'Bât. B', '44400', 'Rezé', '2025-01-01 10:00', '2026-11-28 21:15', 'fr', 3);
INSERT INTO "Group" (id, name, "userId", "placeId", "imageId", "txtDistrib", flags, "hasMembership", "membershipRenewalDate",
    "membershipFee", currency, "currencyCode", "checkOrder", "vatRates", "allowedPaymentsType", cdate, disabled)
  VALUES (1, 'AMAP de la Chênaie', 1, NULL, 1, '<p>Bonjour</p>', 64, true, '2026-09-01', 15, '€', 'EUR', 'AMAP de la Chênaie',
    '{"5,5%":5.5,"20%":20}', '["check","cash","transfer"]', '2025-01-01 10:00', 'MOVED');
INSERT INTO "Place" (id, name, address1, address2, "zipCode", city, country, lat, lng, "groupId")
  VALUES (1, 'Salle des fêtes', '3 rue de l''Église', 'Cour', '44400', 'Rezé', 'France', 47.18, -1.55, 1);
UPDATE "Group" SET "placeId" = 1;
INSERT INTO "UserGroup" ("userId", "groupId", rights, balance) VALUES (1, 1, '["GroupAdmin"]', -12.5);
INSERT INTO "Vendor" (id, name, "peopleName", email, phone, address1, address2, "zipCode", city, "companyNumber", "userId", disabled, cdate)
  VALUES (1, 'Ferme de Kervœn', 'Yann Kervœn', 'f@example.fr', '02 40 00 00 00', 'Lieu-dit Kervœn', 'Route de Vannes',
    '44000', 'Nantes', '123 456 789 00012', 1, 0, '2025-01-01 10:00');
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate", description, flags,
    "distribMinOrdersTotal", "catalogMinOrdersTotal", "absentDistribsMaxNb", "absencesStartDate", "absencesEndDate",
    "orderStartDaysBeforeDistrib", "orderEndHoursBeforeDistrib")
  VALUES (1, 'Œufs', 0, 1, 1, 1, '2026-09-01', '2027-08-31', 'Des œufs', 1, 10.5, 100, 4, '2026-12-15', '2027-01-05', 7, 24);
INSERT INTO "Product" (id, "catalogId", name, ref, price, vat, qt, "unitType", organic, "variablePrice", "multiWeight", bulk, active)
  VALUES (1, 1, 'Œufs (boîte de 12)', 'OEUF12', 2.675, 5.5, 12, 0, true, false, false, false, true);
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "orderStartDate", "orderEndDate", "volunteerRolesIds")
  VALUES (1, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30', '2026-11-26 08:00', '2026-12-02 18:00', '1,1');
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end", "orderStartDate", "orderEndDate", quantities)
  VALUES (1, 1, 1, 1, '2026-12-03 18:00', '2026-12-03 19:30', '2026-11-26 08:00', '2026-12-02 18:00', 2);
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, total, status, data)
  VALUES (1, 1, 1, 1, '2026-11-27 09:00', 5.35, 'CONFIRMED', '{}');
INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders", "absentDistribIds")
  VALUES (1, 1, 1, 1, '2026-09-01', '2027-08-31', '[{"productId":1,"quantity":2}]', '1');
INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity,
    "productPrice", "feesRate", paid, date, flags)
  VALUES (1, 1, 1, 1, 1, 1, 1, 2, 2.675, 0, false, '2026-11-27 09:00', 1);
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", "relationId", "basketId", data)
  VALUES (1, 1, 1, 1, 'Contrat Œufs', -5.35, '2026-11-27 09:00', false, 1, 1, 1, '{}');
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", "relationId", "basketId", data)
  VALUES (2, 1, 1, 2, 'Chèque n°1234567', 5.35, '2026-11-27 09:05', false, 1, 1, 1, '{"type":"check"}');
INSERT INTO "Membership" ("userId", "groupId", year, date, amount, "distributionId", "operationId")
  VALUES (1, 1, 2026, '2026-09-03', 15, 1, 2);
INSERT INTO "VolunteerRole" (id, name, "groupId", "catalogId", "enabledByDefault") VALUES (1, 'Accueil', 1, 1, true);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES (1, 1, 1);
