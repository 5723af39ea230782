package io.formaloo.beam.io.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelJsonTest {
  private static final ObjectMapper TREES = new ObjectMapper();

  /** Single quotes for readability; JSON needs double ones. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static JsonNode tree(String json) throws JsonProcessingException {
    return TREES.readTree(json);
  }

  static List<Object> fullSamples() {
    return Samples.full();
  }

  // ------------------------------------------------------------------------- round trips

  @ParameterizedTest
  @MethodSource("fullSamples")
  void everyRecordWrittenAsJsonReadsBackEqual(Object sample) throws JsonProcessingException {
    Class<?> type = sample.getClass().getSuperclass();

    assertThat(ModelJson.parse(ModelJson.toJson(sample), type), equalTo(sample));
    assertThat(ModelJson.parse(ModelJson.toJsonBytes(sample), type), equalTo(sample));
  }

  @Test
  void writesTheApisSnakeCaseFieldNames() throws JsonProcessingException {
    JsonNode customer = tree(ModelJson.toJson(Samples.customer()));

    assertThat(
        fieldNames(customer),
        contains(
            "code",
            "customer_data",
            "full_name",
            "email",
            "phone_number",
            "tags",
            "score",
            "created_at",
            "updated_at"));
    assertThat(
        fieldNames(tree(ModelJson.toJson(Samples.activity()))),
        contains(
            "action",
            "operation_type",
            "description",
            "currency",
            "monetary_value",
            "activity_date",
            "customer",
            "created_at",
            "updated_at",
            "slug"));
  }

  // ------------------------------------------------------------------------- tolerance

  @Test
  void unknownFieldsOfAnyShapeAreSkippedAtEveryLevel() throws JsonProcessingException {
    String body =
        json(
            "{'brand_new':{'deep':[1,{'x':null}]},'email':'a@example.com','flag':true,"
                + "'tags':[{'slug':'vip','colour':'gold','meta':[[]]}],'n':1.5,'s':'x',"
                + "'score':3,'z':null}");

    Customer customer = ModelJson.parse(body, Customer.class);

    assertThat(customer.getEmail(), is("a@example.com"));
    assertThat(customer.getScore(), is(3));
    assertThat(customer.getTags(), contains(Tag.builder().setSlug("vip").build()));
  }

  @Test
  void nullAndAbsentFieldsBothReadAsNullAndAreNotWritten() throws JsonProcessingException {
    String body =
        json(
            "{'full_name':'Ada','email':null,'tags':null,'customer_data':null,"
                + "'score':null,'created_at':null}");

    Customer customer = ModelJson.parse(body, Customer.class);

    assertThat(customer, equalTo(Customer.builder().setFullName("Ada").build()));
    assertThat(ModelJson.toJson(customer), is(json("{'full_name':'Ada'}")));
  }

  @Test
  void anEmptyListIsKeptApartFromAnAbsentOne() throws JsonProcessingException {
    Customer customer = ModelJson.parse(json("{'tags':[]}"), Customer.class);

    assertThat(customer.getTags(), is(List.of()));
    assertThat(ModelJson.toJson(customer), is(json("{'tags':[]}")));
  }

  // ------------------------------------------------------------------------- free-form JSON

  @Test
  void customerDataIsKeptExactly() throws JsonProcessingException {
    String data =
        "{\"a\":{\"b\":[1,2.50,null,true,false]},\"big\":123456789012345678901234567890,"
            + "\"exp\":1.5E+300,\"tiny\":0.000000000000000000001,\"nul\":null,"
            + "\"text\":\"héllo ☃ 😀 \\\"q\\\" \\\\ \\n\",\"empty\":{},\"arr\":[],\"z\":0}";

    Customer customer = ModelJson.parse("{\"customer_data\":" + data + "}", Customer.class);

    assertThat(customer.getCustomerDataJson(), is(data));
    assertThat(ModelJson.toJson(customer), is("{\"customer_data\":" + data + "}"));
  }

  @Test
  void customerDataIsStoredCompactWithEscapesDecoded() throws JsonProcessingException {
    String body = "{ \"customer_data\" : { \"name\" : \"h\\u00e9llo\" ,\n \"n\" : 1 } }";

    Customer customer = ModelJson.parse(body, Customer.class);

    assertThat(customer.getCustomerDataJson(), is("{\"name\":\"héllo\",\"n\":1}"));
  }

  @Test
  void customerDataTreeHasExactNumbers() throws JsonProcessingException {
    Customer customer =
        ModelJson.parse(
            json("{'customer_data':{'price':2.50,'big':123456789012345678901234567890}}"),
            Customer.class);

    JsonNode data = customer.customerData();

    assertThat(data.get("price").decimalValue(), equalTo(new BigDecimal("2.50")));
    assertThat(
        data.get("big").bigIntegerValue(),
        equalTo(new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void freeFormFieldsMayHoldAnyJsonValue() throws JsonProcessingException {
    CustomerBatchImport job =
        ModelJson.parse(
            json("{'customers_data':[{'email':'a@example.com'}],'import_results':'done'}"),
            CustomerBatchImport.class);

    assertThat(job.getCustomersDataJson(), is(json("[{'email':'a@example.com'}]")));
    assertThat(job.importResults().textValue(), is("done"));
  }

  @Test
  void jsonTextMakesFreeFormTextFromMapsAndTrees() throws JsonProcessingException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("plan", "gold");
    data.put("visits", 3);
    data.put("none", null);

    Customer fromMap = Customer.builder().setCustomerDataJson(ModelJson.jsonText(data)).build();
    Customer fromTree =
        Customer.builder()
            .setCustomerDataJson(ModelJson.jsonText(tree(fromMap.getCustomerDataJson())))
            .build();

    assertThat(fromMap.getCustomerDataJson(), is(json("{'plan':'gold','visits':3,'none':null}")));
    assertThat(fromTree, equalTo(fromMap));
    assertThat(ModelJson.jsonText(null), is(nullValue()));
  }

  @Test
  void writingFreeFormTextThatIsNotJsonFails() {
    Customer broken = Customer.builder().setCustomerDataJson("{\"a\":").build();
    Customer twoValues = Customer.builder().setCustomerDataJson("{} {}").build();

    assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson(broken));
    assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson(twoValues));
  }

  // ------------------------------------------------------------------------- typed values

  @Test
  void timestampsWithAnOffsetAreReadAsTheInstantTheyName() throws JsonProcessingException {
    Customer customer =
        ModelJson.parse(json("{'created_at':'2019-08-24T18:45:22+04:30'}"), Customer.class);

    assertThat(customer.getCreatedAt(), equalTo(Instant.parse("2019-08-24T14:15:22Z")));
    assertThat(ModelJson.toJson(customer), is(json("{'created_at':'2019-08-24T14:15:22Z'}")));
  }

  @Test
  void timestampsKeepMillisecondsAndDropFinerDigits() throws JsonProcessingException {
    Customer customer =
        ModelJson.parse(json("{'created_at':'2019-08-24T14:15:22.123456Z'}"), Customer.class);

    assertThat(ModelJson.toJson(customer), is(json("{'created_at':'2019-08-24T14:15:22.123Z'}")));
  }

  @Test
  void timestampsWithoutAZoneAreUtc() throws JsonProcessingException {
    Customer customer =
        ModelJson.parse(json("{'updated_at':'2019-08-24T14:15:22'}"), Customer.class);

    assertThat(customer.getUpdatedAt(), equalTo(Instant.parse("2019-08-24T14:15:22Z")));
  }

  @Test
  void aTimestampThatIsNotIso8601IsAnErrorNamingTheField() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () ->
                ModelJson.parse(json("{'activity_date':'yesterday','action':{}}"), Activity.class));

    assertThat(e.getMessage(), containsString("'activity_date'"));
    assertThat(e.getMessage(), containsString("yesterday"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.50", "0.0000001", "-3", "1E+3", "string"})
  void monetaryValueRoundTripsAsTheExactText(String value) throws JsonProcessingException {
    String body = json("{'action':{'slug':'buy'},'monetary_value':'" + value + "'}");

    Activity activity = ModelJson.parse(body, Activity.class);

    assertThat(activity.getMonetaryValue(), is(value));
    assertThat(ModelJson.toJson(activity), is(body));
  }

  @Test
  void monetaryValueSentAsANumberKeepsItsText() throws JsonProcessingException {
    Activity activity =
        ModelJson.parse(json("{'action':{},'monetary_value':12.50}"), Activity.class);

    assertThat(activity.getMonetaryValue(), is("12.50"));
    assertThat(activity.monetaryValueDecimal(), equalTo(new BigDecimal("12.50")));
  }

  @Test
  void monetaryValueFromADecimalKeepsItsScale() {
    Activity activity =
        Activity.builder()
            .setAction(ActivityAction.ofSlug("buy"))
            .setMonetaryValueDecimal(new BigDecimal("1.2300"))
            .build();

    assertThat(activity.getMonetaryValue(), is("1.2300"));
  }

  @Test
  void aValueOfTheWrongJsonTypeIsAnErrorNamingTheField() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'score':'ten'}"), Customer.class));

    assertThat(e.getMessage(), containsString("'score' must be an integer, not a string"));
  }

  @Test
  void aListObjectOrEnumOfTheWrongValueIsAnErrorNamingTheField() {
    JsonProcessingException list =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'tags':'vip'}"), Customer.class));
    JsonProcessingException object =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'tags':['vip']}"), Customer.class));

    JsonProcessingException enumeration =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'operation_type':7}"), Activity.class));

    assertThat(list.getOriginalMessage(), is("'tags' must be an array, not a string"));
    assertThat(
        enumeration.getOriginalMessage(),
        is(
            "'operation_type': \"7\" is not an operation type"
                + " (create, read, update, delete, undefined)"));
    assertThat(
        object.getOriginalMessage(), is("'tags' must be an object, not a string (at tags[0])"));
  }

  @Test
  void anIntegerOutOfRangeIsAnError() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'score':2147483648}"), Customer.class));

    assertThat(e.getMessage(), containsString("'score'"));
  }

  @Test
  void anUnknownEnumValueIsAnErrorNotAGuess() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'status':'paused'}"), CustomerBatchImport.class));

    assertThat(
        e.getOriginalMessage(), startsWith("'status': \"paused\" is not a batch import status"));
  }

  @Test
  void enumsUseTheApisValues() throws JsonProcessingException {
    CustomerBatchImport job =
        ModelJson.parse(
            json("{'status':'in_progress','file_type':'json'}"), CustomerBatchImport.class);

    assertThat(job.getStatus(), is(CustomerBatchImport.Status.IN_PROGRESS));
    assertThat(job.getStatus().isTerminal(), is(false));
    assertThat(job.getFileType(), is(CustomerBatchImport.FileType.JSON));
    assertThat(ModelJson.toJson(job), is(json("{'status':'in_progress','file_type':'json'}")));
  }

  @Test
  void anActivityWithoutItsActionIsAnError() {
    JsonProcessingException missing =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'slug':'a1'}"), Activity.class));
    JsonProcessingException nulled =
        assertThrows(
            JsonProcessingException.class,
            () -> ModelJson.parse(json("{'action':null}"), Activity.class));

    assertThat(missing.getMessage(), containsString("'action'"));
    assertThat(nulled.getMessage(), containsString("'action'"));
  }

  @Test
  void anActivitysCurrencyReadsFromAnIsoCodeToo() throws JsonProcessingException {
    Activity activity =
        ModelJson.parse(json("{'action':{'slug':'buy'},'currency':'USD'}"), Activity.class);

    assertThat(activity.getCurrency(), equalTo(Currency.of("USD")));
  }

  @Test
  void aBodyThatIsNotAnObjectIsAnError() {
    assertThrows(JsonProcessingException.class, () -> ModelJson.parse("null", Customer.class));
    assertThrows(JsonProcessingException.class, () -> ModelJson.parse("[]", Customer.class));
    assertThrows(JsonProcessingException.class, () -> ModelJson.parse("", Customer.class));
  }

  @Test
  void contentAfterTheBodyIsAnError() {
    assertThrows(JsonProcessingException.class, () -> ModelJson.parse("{} {}", Customer.class));
    assertThrows(
        JsonProcessingException.class,
        () -> ModelJson.parse(json("{'status':200,'data':{}} []"), Customer.class));
  }

  // ------------------------------------------------------------------------- envelope

  @Test
  void anEnvelopedRecordIsUnwrapped() throws JsonProcessingException {
    String body = json("{'status':200,'errors':null,'data':{'email':'a@example.com'}}");

    assertThat(
        ModelJson.parse(body, Customer.class),
        equalTo(Customer.builder().setEmail("a@example.com").build()));
    assertThat(
        ModelJson.parse(body.getBytes(UTF_8), Customer.class).getEmail(), is("a@example.com"));
    assertThat(ModelJson.parse(tree(body), Customer.class).getEmail(), is("a@example.com"));
  }

  @Test
  void anEnvelopeIsRecognisedInAnyMemberOrderAndWithoutErrors() throws JsonProcessingException {
    String dataFirst = json("{'data':{'slug':'vip'},'errors':{},'status':201}");
    String noErrors = json("{'status':200,'data':{'slug':'vip'}}");

    assertThat(ModelJson.parse(dataFirst, Tag.class).getSlug(), is("vip"));
    assertThat(ModelJson.parse(noErrors, Tag.class).getSlug(), is("vip"));
  }

  @Test
  void anEnvelopedDataValueKeepsItsNumbersExact() throws JsonProcessingException {
    String body = json("{'status':200,'data':{'customer_data':{'x':0.10}}}");

    assertThat(ModelJson.parse(body, Customer.class).getCustomerDataJson(), is(json("{'x':0.10}")));
  }

  @Test
  void envelopedPagesAndListsAreUnwrapped() throws JsonProcessingException {
    String page = json("{'status':200,'errors':null,'data':{'count':1,'tags':[{'slug':'vip'}]}}");
    String list = json("{'status':200,'data':[{'slug':'acme'}]}");

    assertThat(ModelJson.parsePage(page, "tags", Tag.class).getCount(), is(1L));
    assertThat(ModelJson.parseList(list, Business.class).get(0).getSlug(), is("acme"));
  }

  @Test
  void aBatchImportJobIsNotMistakenForAnEnvelope() throws JsonProcessingException {
    String job = json("{'status':'queued','slug':'job-1','import_results':{'data':1}}");

    CustomerBatchImport parsed = ModelJson.parse(job, CustomerBatchImport.class);

    assertThat(parsed.getStatus(), is(CustomerBatchImport.Status.QUEUED));
    assertThat(parsed.getSlug(), is("job-1"));
    assertThat(ModelJson.isEnvelope(tree(job)), is(false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'status':200,'data':{},'extra':1}",
        "{'status':'200','data':{}}",
        "{'status':200.5,'data':{}}",
        "{'data':{}}",
        "{'status':200}",
        "[{'status':200,'data':{}}]",
        "{}"
      })
  void onlyAnObjectOfAnIntegerStatusDataAndErrorsIsAnEnvelope(String body)
      throws JsonProcessingException {
    JsonNode node = tree(json(body));

    assertThat(ModelJson.isEnvelope(node), is(false));
    assertThat(ModelJson.unwrapEnvelope(node), is(node));
  }

  @Test
  void unwrapEnvelopeAnswersTheData() throws JsonProcessingException {
    JsonNode body = tree(json("{'status':200,'errors':{'x':[]},'data':{'slug':'vip'}}"));

    assertThat(ModelJson.isEnvelope(body), is(true));
    assertThat(ModelJson.unwrapEnvelope(body), equalTo(tree(json("{'slug':'vip'}"))));
  }

  @Test
  void aRecordInAnEnvelopeKeepsTheExactTextOfItsFreeFormNumbers() throws JsonProcessingException {
    // An envelope is judged on a tree, whose numbers would be rewritten (1.5e3 as 1.5E+3): the
    // record itself must still be read from the text.
    String body = json("{'status':200,'data':{'customer_data':{'a':1.5e3,'b':1.10,'c':-0}}}");

    Customer customer = ModelJson.parse(body, Customer.class);

    assertThat(customer.getCustomerDataJson(), is(json("{'a':1.5e3,'b':1.10,'c':-0}")));
    assertThat(
        ModelJson.parse(body.getBytes(UTF_8), Customer.class).getCustomerDataJson(),
        is(json("{'a':1.5e3,'b':1.10,'c':-0}")));
  }

  @Test
  void aBareRecordWhoseFieldsLookLikeAnEnvelopeIsReadAsIs() throws JsonProcessingException {
    // Unknown 'data' and 'errors' beside a known field: not an envelope, so read as the record.
    String body = json("{'data':{'slug':'other'},'errors':null,'slug':'vip'}");

    assertThat(ModelJson.parse(body, Tag.class).getSlug(), is("vip"));
  }

  @Test
  void anErrorEnvelopeWithoutDataIsAnErrorNotAnEmptyRecord() throws JsonProcessingException {
    String body = json("{'status':400,'errors':{'email':['Enter a valid email address.']}}");

    JsonProcessingException e =
        assertThrows(JsonProcessingException.class, () -> ModelJson.parse(body, Customer.class));

    assertThat(e.getMessage(), containsString("status 400"));
    assertThat(e.getMessage(), containsString("Enter a valid email address."));
    assertThat(ModelJson.isEnvelope(tree(body)), is(true));
    assertThrows(JsonProcessingException.class, () -> ModelJson.parse(tree(body), Customer.class));
  }

  @Test
  void anEnvelopeWithNullDataIsAnError() {
    assertThrows(
        JsonProcessingException.class,
        () -> ModelJson.parse(json("{'status':200,'data':null}"), Customer.class));
  }

  // ------------------------------------------------------------------------- pages and lists

  @Test
  void aPageReadsItsCountersAndRecords() throws JsonProcessingException {
    String body =
        json(
            "{'count':21,'next':'https://api.formaloo.com/v1.0/customers/?page=3',"
                + "'previous':null,'page_size':10,'page_count':3,'current_page':2,"
                + "'customers':[{'email':'a@example.com'},{'email':'b@example.com'}],"
                + "'unknown':{'x':1}}");

    Page<Customer> page = ModelJson.parsePage(body, "customers", Customer.class);

    assertThat(page.getListKey(), is("customers"));
    assertThat(page.getCount(), is(21L));
    assertThat(page.getNext(), is("https://api.formaloo.com/v1.0/customers/?page=3"));
    assertThat(page.getPrevious(), is(nullValue()));
    assertThat(page.getPageSize(), is(10));
    assertThat(page.getPageCount(), is(3));
    assertThat(page.getCurrentPage(), is(2));
    assertThat(page.hasNext(), is(true));
    assertThat(
        page.getRecords(),
        contains(
            Customer.builder().setEmail("a@example.com").build(),
            Customer.builder().setEmail("b@example.com").build()));
  }

  @Test
  void theLastPageHasNoNext() throws JsonProcessingException {
    Page<Tag> page =
        ModelJson.parsePage(
            json("{'count':0,'next':null,'tags':[]}").getBytes(UTF_8), "tags", Tag.class);

    assertThat(page.hasNext(), is(false));
    assertThat(page.getRecords(), is(List.of()));
  }

  @Test
  void aPageWithoutItsListKeyIsAnError() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () ->
                ModelJson.parsePage(
                    json("{'detail':'Invalid page.'}"), "customers", Customer.class));

    assertThat(e.getMessage(), containsString("'customers'"));
  }

  @Test
  void aPageWritesBackAsThePageItWasReadFrom() throws JsonProcessingException {
    String body =
        json(
            "{'count':1,'next':'n','previous':'p','page_size':10,'page_count':1,"
                + "'current_page':1,'action_types':[{'slug':'buy','is_owned':false}]}");

    Page<ActionType> page = ModelJson.parsePage(body, "action_types", ActionType.class);

    assertThat(ModelJson.toJson(page), is(body));
  }

  @Test
  void listKeysAreTheApis() {
    assertThat(ModelJson.listKey(Customer.class), is("customers"));
    assertThat(ModelJson.listKey(Activity.class), is("activities"));
    assertThat(ModelJson.listKey(Tag.class), is("tags"));
    assertThat(ModelJson.listKey(ActionType.class), is("action_types"));
    assertThat(ModelJson.listKey(ActionTypeGroup.class), is("action_type_groups"));
    assertThat(ModelJson.listKey(Currency.class), is("currencies"));
    assertThrows(IllegalArgumentException.class, () -> ModelJson.listKey(Business.class));
  }

  @Test
  void aPlainArrayBodyReadsAsAList() throws JsonProcessingException {
    String body =
        json(
            "[{'action':{'slug':'buy'},'currency':{'title':'Euro','iso_code':'EUR'},"
                + "'monetary_value':'9.99'},{'action':{'slug':'view'}}]");

    List<Activity> activities = ModelJson.parseList(body.getBytes(UTF_8), Activity.class);

    assertThat(activities.size(), is(2));
    assertThat(activities.get(0).getCurrency().getIsoCode(), is("EUR"));
    assertThat(activities.get(1).getAction().getSlug(), is("view"));
    assertThat(ModelJson.toJson(activities), is(body));
  }

  @Test
  void aParserPositionedInsideALargerDocumentReadsOneRecord() throws Exception {
    String body = json("{'results':[{'slug':'a'},{'slug':'b'}]}");
    List<Tag> tags = new ArrayList<>();

    try (JsonParser p = TREES.getFactory().createParser(body)) {
      p.nextToken(); // {
      p.nextToken(); // "results"
      p.nextToken(); // [
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        tags.add(ModelJson.parse(p, Tag.class));
      }
    }

    assertThat(
        tags, contains(Tag.builder().setSlug("a").build(), Tag.builder().setSlug("b").build()));
  }

  // ------------------------------------------------------------------------- request forms

  @Test
  void aCustomersRequestFormLeavesOutWhatTheApiSets() throws JsonProcessingException {
    JsonNode request = tree(ModelJson.toRequestJson(Samples.customer()));

    assertThat(
        fieldNames(request),
        contains("customer_data", "full_name", "email", "phone_number", "tags", "score"));
  }

  @Test
  void anActivitysRequestFormNamesItsCurrencyByIsoCode() throws JsonProcessingException {
    JsonNode request = tree(ModelJson.toRequestJson(Samples.activity()));

    assertThat(request.get("currency").textValue(), is("USD"));
    assertThat(request.has("created_at"), is(false));
    assertThat(request.has("updated_at"), is(false));
    assertThat(request.get("customer").has("created_at"), is(false));
    assertThat(request.get("customer").get("email").textValue(), is("ada@example.com"));
    assertThat(request.get("slug").textValue(), is("order-17"));
  }

  @Test
  void aBatchImportOfCustomersCarriesTheirRequestForms() throws JsonProcessingException {
    CustomerBatchImport job =
        CustomerBatchImport.ofCustomers(
            List.of(Samples.customer(), Customer.builder().setPhoneNumber("+1555").build()));

    JsonNode body = tree(ModelJson.toRequestJson(job));

    assertThat(fieldNames(body), contains("customers_data", "file_type"));
    assertThat(body.get("file_type").textValue(), is("json"));
    assertThat(
        body.get("customers_data").get(0),
        equalTo(tree(ModelJson.toRequestJson(Samples.customer()))));
    assertThat(body.get("customers_data").get(1), equalTo(tree(json("{'phone_number':'+1555'}"))));
  }

  @Test
  void toJsonRejectsWhatIsNotAModelRecord() {
    assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson("a string"));
    assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson(List.of(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> ModelJson.parse("{}", String.class));
  }

  // ------------------------------------------------------------------------- Jackson module

  @Test
  void theJacksonModuleDataBindsEveryModelClass() throws JsonProcessingException {
    ObjectMapper mapper = ModelJson.newObjectMapper();

    for (Object sample : Samples.full()) {
      String written = mapper.writeValueAsString(sample);
      assertThat(written, is(ModelJson.toJson(sample)));
      assertThat(mapper.readValue(written, sample.getClass().getSuperclass()), equalTo(sample));
    }
  }

  @Test
  void theJacksonModuleReadsListsAndNestedRecords() throws JsonProcessingException {
    ObjectMapper mapper = ModelJson.newObjectMapper();
    String body = json("[{'email':'a@example.com','tags':[{'slug':'vip'}]},{'full_name':'B'}]");

    List<Customer> customers = mapper.readValue(body, new TypeReference<List<Customer>>() {});

    assertThat(customers.get(0).getTags().get(0).getSlug(), is("vip"));
    assertThat(customers.get(1).getFullName(), is("B"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
