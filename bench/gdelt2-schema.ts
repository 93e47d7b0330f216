/** The 61 GDELT 2.0 event columns with DuckDB types (the "explicit schema" of the ceiling read). */
export const GDELT2_COLUMNS: [string, string][] = (
  "GLOBALEVENTID:BIGINT SQLDATE:INTEGER MonthYear:INTEGER Year:INTEGER FractionDate:DOUBLE " +
  "Actor1Code:VARCHAR Actor1Name:VARCHAR Actor1CountryCode:VARCHAR Actor1KnownGroupCode:VARCHAR " +
  "Actor1EthnicCode:VARCHAR Actor1Religion1Code:VARCHAR Actor1Religion2Code:VARCHAR Actor1Type1Code:VARCHAR " +
  "Actor1Type2Code:VARCHAR Actor1Type3Code:VARCHAR Actor2Code:VARCHAR Actor2Name:VARCHAR " +
  "Actor2CountryCode:VARCHAR Actor2KnownGroupCode:VARCHAR Actor2EthnicCode:VARCHAR Actor2Religion1Code:VARCHAR " +
  "Actor2Religion2Code:VARCHAR Actor2Type1Code:VARCHAR Actor2Type2Code:VARCHAR Actor2Type3Code:VARCHAR " +
  "IsRootEvent:INTEGER EventCode:VARCHAR EventBaseCode:VARCHAR EventRootCode:VARCHAR QuadClass:INTEGER " +
  "GoldsteinScale:DOUBLE NumMentions:INTEGER NumSources:INTEGER NumArticles:INTEGER AvgTone:DOUBLE " +
  "Actor1Geo_Type:INTEGER Actor1Geo_FullName:VARCHAR Actor1Geo_CountryCode:VARCHAR Actor1Geo_ADM1Code:VARCHAR " +
  "Actor1Geo_ADM2Code:VARCHAR Actor1Geo_Lat:DOUBLE Actor1Geo_Long:DOUBLE Actor1Geo_FeatureID:VARCHAR " +
  "Actor2Geo_Type:INTEGER Actor2Geo_FullName:VARCHAR Actor2Geo_CountryCode:VARCHAR Actor2Geo_ADM1Code:VARCHAR " +
  "Actor2Geo_ADM2Code:VARCHAR Actor2Geo_Lat:DOUBLE Actor2Geo_Long:DOUBLE Actor2Geo_FeatureID:VARCHAR " +
  "ActionGeo_Type:INTEGER ActionGeo_FullName:VARCHAR ActionGeo_CountryCode:VARCHAR ActionGeo_ADM1Code:VARCHAR " +
  "ActionGeo_ADM2Code:VARCHAR ActionGeo_Lat:DOUBLE ActionGeo_Long:DOUBLE ActionGeo_FeatureID:VARCHAR " +
  "DATEADDED:BIGINT SOURCEURL:VARCHAR"
)
  .split(" ")
  .map((p) => p.split(":") as [string, string]);

export function ceilingSql(file: string): string {
  const cols = GDELT2_COLUMNS.map(([n, t]) => `'${n}': '${t}'`).join(", ");
  return `CREATE OR REPLACE TABLE gdelt_events AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', delim='\\t', header=false, quote='', escape='', auto_detect=false, columns={${cols}})`;
}
