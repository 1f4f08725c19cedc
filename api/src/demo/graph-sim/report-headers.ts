// The documented column lists of the usage reports, in order (graph-wire-contract.md §1.3).

/** getTeamsUserActivityUserDetail, v1.0 (33 columns). */
export const TEAMS_USER_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'Tenant Display Name',
  'Shared Channel Tenant Display Names',
  'User Id',
  'User Principal Name',
  'Last Activity Date',
  'Is Deleted',
  'Deleted Date',
  'Assigned Products',
  'Team Chat Message Count',
  'Private Chat Message Count',
  'Call Count',
  'Meeting Count',
  'Post Messages',
  'Reply Messages',
  'Urgent Messages',
  'Meetings Organized Count',
  'Meetings Attended Count',
  'Ad Hoc Meetings Organized Count',
  'Ad Hoc Meetings Attended Count',
  'Scheduled One-time Meetings Organized Count',
  'Scheduled One-time Meetings Attended Count',
  'Scheduled Recurring Meetings Organized Count',
  'Scheduled Recurring Meetings Attended Count',
  'Audio Duration',
  'Video Duration',
  'Screen Share Duration',
  'Audio Duration In Seconds',
  'Video Duration In Seconds',
  'Screen Share Duration In Seconds',
  'Has Other Action',
  'Is Licensed',
  'Report Period',
] as const;

/** getEmailActivityUserDetail, v1.0 (13 columns). */
export const EMAIL_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Display Name',
  'Is Deleted',
  'Deleted Date',
  'Last Activity Date',
  'Send Count',
  'Receive Count',
  'Read Count',
  'Meeting Created Count',
  'Meeting Interacted Count',
  'Assigned Products',
  'Report Period',
] as const;

/** getYammerActivityUserDetail (Viva Engage), v1.0 (11 columns). */
export const YAMMER_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Display Name',
  'User State',
  'State Change Date',
  'Last Activity Date',
  'Posted Count',
  'Read Count',
  'Liked Count',
  'Assigned Products',
  'Report Period',
] as const;

/** getSharePointActivityUserDetail, v1.0 (12 columns). */
export const SHAREPOINT_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Is Deleted',
  'Deleted Date',
  'Last Activity Date',
  'Viewed Or Edited File Count',
  'Synced File Count',
  'Shared Internally File Count',
  'Shared Externally File Count',
  'Visited Page Count',
  'Assigned Products',
  'Report Period',
] as const;

/** getOneDriveActivityUserDetail, v1.0 (11 columns). */
export const ONEDRIVE_ACTIVITY_HEADERS = [
  'Report Refresh Date',
  'User Principal Name',
  'Is Deleted',
  'Deleted Date',
  'Last Activity Date',
  'Viewed Or Edited File Count',
  'Synced File Count',
  'Shared Internally File Count',
  'Shared Externally File Count',
  'Assigned Products',
  'Report Period',
] as const;
