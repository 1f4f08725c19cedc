// Azure Bot registration (single tenant: multi-tenant bot registrations are deprecated for new bots)
// and its Microsoft Teams channel. The messaging endpoint is the web app's /api/messages.

@description('Name of the Azure Bot resource (4-42 characters).')
@minLength(4)
@maxLength(42)
param botName string

@description('Display name shown in the Azure portal.')
param displayName string

@description('Microsoft App ID of the bot (its Entra app registration).')
param botAppId string

@description('Host name serving /api/messages.')
param endpointHost string

@description('Bot Service SKU; F0 is enough for the Teams channel.')
@allowed([
  'F0'
  'S1'
])
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${endpointHost}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}
