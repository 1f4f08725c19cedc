// Which permissions each served path accepts, per scheme: every GET (and the PATCH) the simulator serves,
// with the permission names that permissions.json lists for that path, method and scheme (least and
// not least alike; none of these paths carries an AlsoRequires rule). permissions.test.ts re-derives the
// table from ../shared/reference/graph/permissions.json and fails if it drifts.
//
// Data derived from microsoftgraph/microsoft-graph-devx-content:permissions/new/permissions.json
// @6cbd6bbd665a877560fdefbad74f3bdb5b57af88. Copyright (c) 2020 Microsoft Graph. MIT License:
// Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
// associated documentation files (the "Software"), to deal in the Software without restriction, including
// without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
// following conditions: The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
// KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
// PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR
// ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

/** `<METHOD> <path template>` → [DelegatedWork permissions, Application permissions], space-separated. */
export const PATH_PERMISSIONS: Readonly<Record<string, readonly [string, string]>> = {
  'GET /users': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy DeviceManagementApps.Read.All DeviceManagementApps.ReadWrite.All DeviceManagementConfiguration.Read.All DeviceManagementConfiguration.ReadWrite.All DeviceManagementManagedDevices.Read.All DeviceManagementManagedDevices.ReadWrite.All DeviceManagementServiceConfig.Read.All DeviceManagementServiceConfig.ReadWrite.All Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadBasic.All User.ReadWrite.All',
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy DeviceManagementApps.Read.All DeviceManagementApps.ReadWrite.All DeviceManagementConfiguration.Read.All DeviceManagementConfiguration.ReadWrite.All DeviceManagementManagedDevices.Read.All DeviceManagementManagedDevices.ReadWrite.All DeviceManagementServiceConfig.Read.All DeviceManagementServiceConfig.ReadWrite.All Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadBasic.All User.ReadWrite.All User.ReadWrite.CrossCloud',
  ],
  'GET /users/{id}': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy DeviceManagementApps.Read.All DeviceManagementApps.ReadWrite.All DeviceManagementConfiguration.Read.All DeviceManagementConfiguration.ReadWrite.All DeviceManagementManagedDevices.Read.All DeviceManagementManagedDevices.ReadWrite.All DeviceManagementServiceConfig.Read.All DeviceManagementServiceConfig.ReadWrite.All Directory.Read.All Directory.ReadWrite.All User.Read User.Read.All User.ReadBasic.All User.ReadWrite User.ReadWrite.All',
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy DeviceManagementApps.Read.All DeviceManagementApps.ReadWrite.All DeviceManagementConfiguration.Read.All DeviceManagementConfiguration.ReadWrite.All DeviceManagementManagedDevices.Read.All DeviceManagementManagedDevices.ReadWrite.All DeviceManagementServiceConfig.Read.All DeviceManagementServiceConfig.ReadWrite.All Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadBasic.All User.ReadWrite.All User.ReadWrite.CrossCloud',
  ],
  'GET /users/{id}/manager': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadWrite.All',
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadWrite.All',
  ],
  'GET /users/{id}/directreports': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read User.Read.All User.ReadWrite.All',
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadWrite.All',
  ],
  'GET /users/{id}/joinedteams': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All Team.ReadBasic.All TeamSettings.Read.All TeamSettings.ReadWrite.All User.Read.All User.ReadWrite.All',
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All Team.ReadBasic.All TeamSettings.Read.All TeamSettings.ReadWrite.All User.Read.All User.ReadWrite.All',
  ],
  'GET /me': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read User.Read.All User.ReadBasic.All User.ReadWrite User.ReadWrite.All',
    '',
  ],
  'GET /me/manager': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read.All User.ReadWrite.All',
    '',
  ],
  'GET /me/directreports': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All User.Read User.Read.All User.ReadWrite.All',
    '',
  ],
  'GET /me/joinedteams': [
    'AgentIdUser.ReadWrite.All AgentIdUser.ReadWrite.IdentityParentedBy Directory.Read.All Directory.ReadWrite.All Team.ReadBasic.All TeamSettings.Read.All TeamSettings.ReadWrite.All User.Read.All User.ReadWrite.All',
    'Team.ReadBasic.All TeamSettings.Read.All TeamSettings.ReadWrite.All',
  ],
  'GET /groups': [
    'Directory.Read.All Directory.ReadWrite.All Group-NestingSupport.ReadWrite.All Group-PreferredDataLocation.ReadWrite.All Group.ManageProtection.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All',
    'Directory.Read.All Directory.ReadWrite.All Group-NestingSupport.ReadWrite.All Group-PreferredDataLocation.ReadWrite.All Group.ManageProtection.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All',
  ],
  'GET /groups/{id}': [
    'Directory.Read.All Directory.ReadWrite.All Group-NestingSupport.ReadWrite.All Group-PreferredDataLocation.ReadWrite.All Group-XTenantIdentitySync.Read.All Group.ManageProtection.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All',
    'Directory.Read.All Directory.ReadWrite.All Group-NestingSupport.ReadWrite.All Group-PreferredDataLocation.ReadWrite.All Group-XTenantIdentitySync.Read.All Group.ManageProtection.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All',
  ],
  'GET /groups/{id}/members': [
    'Directory.Read.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All GroupMember.ReadBasic.All GroupMember.ReadWrite.All',
    'Directory.Read.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All GroupMember.ReadBasic.All GroupMember.ReadWrite.All',
  ],
  'GET /groups/{id}/transitivemembers': [
    'Directory.Read.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All GroupMember.ReadBasic.All GroupMember.ReadWrite.All',
    'Directory.Read.All Group.Read.All Group.ReadBasic.All Group.ReadWrite.All GroupMember.Read.All GroupMember.ReadBasic.All GroupMember.ReadWrite.All',
  ],
  'GET /teams/{id}': [
    'Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All Team.ReadBasic.All TeamSettings.Read.All TeamSettings.ReadWrite.All',
    'Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All Team.ReadBasic.All TeamSettings.Read.All TeamSettings.Read.Group TeamSettings.ReadWrite.All TeamSettings.ReadWrite.Group',
  ],
  'GET /teams/{id}/members': [
    'TeamMember.Read.All TeamMember.ReadWrite.All',
    'TeamMember.Read.All TeamMember.Read.Group TeamMember.ReadWrite.All',
  ],
  'GET /teams/{id}/channels': [
    'Channel.ReadBasic.All ChannelSettings.Read.All ChannelSettings.ReadWrite.All Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All',
    'Channel.ReadBasic.All ChannelSettings.Read.All ChannelSettings.Read.Group ChannelSettings.ReadWrite.All ChannelSettings.ReadWrite.Group Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}': [
    'Channel.ReadBasic.All ChannelSettings.Read.All ChannelSettings.ReadWrite.All Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All',
    'Channel.ReadBasic.All ChannelSettings.Read.All ChannelSettings.Read.Group ChannelSettings.ReadWrite.All ChannelSettings.ReadWrite.Group Directory.Read.All Directory.ReadWrite.All Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}/messages': [
    'ChannelMessage.Read.All Group.Read.All Group.ReadWrite.All',
    'ChannelMessage.Read.All ChannelMessage.Read.Group Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}/messages/{id}': [
    'ChannelMessage.Read.All Group.Read.All Group.ReadWrite.All',
    'ChannelMessage.Read.All ChannelMessage.Read.Group Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}/messages/{id}/replies': [
    'ChannelMessage.Read.All Group.Read.All Group.ReadWrite.All',
    'ChannelMessage.Read.All ChannelMessage.Read.Group Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}/messages/{id}/replies/{id}': [
    'ChannelMessage.Read.All Group.Read.All Group.ReadWrite.All',
    'ChannelMessage.Read.All ChannelMessage.Read.Group Group.Read.All Group.ReadWrite.All',
  ],
  'GET /teams/{id}/channels/{id}/messages/delta': [
    'ChannelMessage.Read.All Group.Read.All Group.ReadWrite.All',
    'ChannelMessage.Read.All ChannelMessage.Read.Group Group.Read.All Group.ReadWrite.All',
  ],
  'GET /admin/reportsettings': [
    'ReportSettings.Read.All ReportSettings.ReadWrite.All',
    'ReportSettings.Read.All ReportSettings.ReadWrite.All',
  ],
  'PATCH /admin/reportsettings': ['ReportSettings.ReadWrite.All', 'ReportSettings.ReadWrite.All'],
  'GET /reports/getteamsuseractivityuserdetail(period={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getteamsuseractivityuserdetail(date={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getemailactivityuserdetail(period={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getemailactivityuserdetail(date={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getyammeractivityuserdetail(period={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getyammeractivityuserdetail(date={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getsharepointactivityuserdetail(period={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getsharepointactivityuserdetail(date={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getonedriveactivityuserdetail(period={value})': ['Reports.Read.All', 'Reports.Read.All'],
  'GET /reports/getonedriveactivityuserdetail(date={value})': ['Reports.Read.All', 'Reports.Read.All'],
};
