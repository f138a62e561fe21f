package org.salesops.jobs.generator;

import java.util.List;

/**
 * Where customers sit: sales region, telephone area code, length of local numbers and
 * administrative area code (the one in tax ids).
 */
record City(String name, String pinyin, String region, String areaCode, int localDigits, String adminCode,
            boolean municipality) {

    static final List<City> ALL = List.of(
            new City("上海", "Shanghai", "华东", "21", 8, "310115", true),
            new City("杭州", "Hangzhou", "华东", "571", 8, "330106", false),
            new City("苏州", "Suzhou", "华东", "512", 8, "320505", false),
            new City("南京", "Nanjing", "华东", "25", 8, "320104", false),
            new City("宁波", "Ningbo", "华东", "574", 8, "330212", false),
            new City("深圳", "Shenzhen", "华南", "755", 8, "440305", false),
            new City("广州", "Guangzhou", "华南", "20", 8, "440106", false),
            new City("佛山", "Foshan", "华南", "757", 8, "440604", false),
            new City("东莞", "Dongguan", "华南", "769", 8, "441900", false),
            new City("厦门", "Xiamen", "华南", "592", 7, "350203", false),
            new City("北京", "Beijing", "华北", "10", 8, "110108", true),
            new City("天津", "Tianjin", "华北", "22", 8, "120116", true),
            new City("石家庄", "Shijiazhuang", "华北", "311", 8, "130102", false),
            new City("济南", "Jinan", "华北", "531", 8, "370102", false),
            new City("青岛", "Qingdao", "华北", "532", 8, "370212", false));

    static final List<String> REGIONS = List.of("华东", "华南", "华北");

    static List<City> in(String region) {
        return ALL.stream().filter(c -> c.region().equals(region)).toList();
    }

    /** The name as it opens a registered company name: 上海 / 佛山市. */
    String registeredPrefix() {
        return municipality ? name : name + "市";
    }
}
