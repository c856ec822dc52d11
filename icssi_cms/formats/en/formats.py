# English as ICSSI writes it (British): 18 January 2017. See icssi_cms/formats/.
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
WEEKDAY_DATE_FORMAT = "l j F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
