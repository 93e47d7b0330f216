/**
 * NATO members and the month each joined (accession in force). Source: NATO, "NATO member
 * countries", https://www.nato.int/cps/en/natohq/topics_52044.htm. Founding members are dated
 * from the North Atlantic Treaty's entry into force (August 1949). Used for the default "West"
 * pole and memberships of `ana scenario init`; month precision, as no day is needed.
 */
export const NATO_SOURCE = "https://www.nato.int/cps/en/natohq/topics_52044.htm";

export const NATO_MEMBERS: { iso3: string; from: string; founding?: boolean }[] = [
  ...["BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"].map(
    (iso3) => ({ iso3, from: "1949-08", founding: true }),
  ),
  { iso3: "GRC", from: "1952-02" },
  { iso3: "TUR", from: "1952-02" },
  { iso3: "DEU", from: "1955-05" },
  { iso3: "ESP", from: "1982-05" },
  { iso3: "CZE", from: "1999-03" },
  { iso3: "HUN", from: "1999-03" },
  { iso3: "POL", from: "1999-03" },
  ...["BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"].map((iso3) => ({ iso3, from: "2004-03" })),
  { iso3: "ALB", from: "2009-04" },
  { iso3: "HRV", from: "2009-04" },
  { iso3: "MNE", from: "2017-06" },
  { iso3: "MKD", from: "2020-03" },
  { iso3: "FIN", from: "2023-04" },
  { iso3: "SWE", from: "2024-03" },
];
